//! Link settings for the guest: the size of its data stack.

/// Bytes of the guest's data stack (C and Rust locals whose address is
/// taken, QuickJS's per-call frames). It sits at the bottom of linear
/// memory, below the data, so running past its end traps instead of
/// overwriting anything; every request's memory reset clears all of it,
/// which is why it is no bigger than deep recursion needs before the
/// host's wasm stack limit ends it.
const STACK_BYTES: u32 = 512 << 10;

fn main() {
    println!("cargo:rustc-link-arg=-zstack-size={STACK_BYTES}");
    println!("cargo:rerun-if-changed=build.rs");
}
