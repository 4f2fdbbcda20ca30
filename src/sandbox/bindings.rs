//! Host bindings generated from the guest's WIT world (`guest/wit/`), the
//! one contract between Backlab and the code inside the sandbox.

wasmtime::component::bindgen!({
    world: "handler",
    path: "guest/wit",
    imports: { default: trappable },
    // Exported calls borrow their arguments, so a request does not copy the
    // prelude bytecode, the learner's file or the request into new strings.
    ownership: Borrowing { duplicate_if_necessary: true },
});
