//! Builds the sandbox guest (`guest/`, QuickJS in a wasm component) for
//! `wasm32-wasip2` with a nested cargo, and leaves it in OUT_DIR for the host
//! to embed; lists the course files (`lessons/`, `exercises/`) for the binary
//! to embed too; bundles the browser script (`web/editor`, CodeMirror and the
//! page code) with esbuild. Nothing built is committed.

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256};

const TARGET: &str = "wasm32-wasip2";

fn main() {
    let root =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let guest = root.join("guest");
    for path in ["src", "wit", "build.rs", "Cargo.toml", "Cargo.lock"] {
        println!("cargo:rerun-if-changed={}", guest.join(path).display());
    }
    println!("cargo:rerun-if-env-changed=BACKLAB_WASI_SYSROOT");
    embed_course(&root, &out);
    bundle_editor(&root.join("web/editor"), &out);
    let target_dir = guest_target_dir(&root);
    let sysroot = wasi_sysroot(&out);
    build_guest(&guest, &target_dir, &sysroot);
    let built = target_dir
        .join(TARGET)
        .join("release")
        .join("backlab_guest.wasm");
    std::fs::copy(&built, out.join("backlab_guest.wasm")).unwrap_or_else(|e| {
        panic!(
            "the guest was built but {} could not be copied: {e}",
            built.display()
        )
    });
    // The guest's hash names its compiled caches; working it out here
    // spares every start of Backlab hashing 3 MB.
    let wasm = std::fs::read(out.join("backlab_guest.wasm")).expect("the guest was just copied");
    let hash: String = Sha256::digest(&wasm)
        .iter()
        .take(12)
        .map(|b| format!("{b:02x}"))
        .collect();
    println!("cargo:rustc-env=BACKLAB_GUEST_HASH={hash}");
}

/// Writes `course.rs`: every file under `lessons/` and `exercises/` as
/// `(relative path, include_bytes!(…))`. Cargo reruns this when anything
/// in those folders changes.
fn embed_course(root: &Path, out: &Path) {
    let mut files = Vec::new();
    for folder in ["lessons", "exercises"] {
        let dir = root.join(folder);
        println!("cargo:rerun-if-changed={}", dir.display());
        collect(&dir, &mut files);
    }
    files.sort();
    let mut code = String::from("pub static FILES: &[(&str, &[u8])] = &[\n");
    for path in &files {
        let relative = path.strip_prefix(root).expect("under the root");
        let name = relative.to_string_lossy().replace('\\', "/");
        code.push_str(&format!(
            "    ({name:?}, include_bytes!({:?})),\n",
            path.display().to_string()
        ));
    }
    code.push_str("];\n");
    std::fs::write(out.join("course.rs"), code).expect("OUT_DIR is writable");
}

/// Bundles `web/editor/src/main.js` and the npm packages it imports into
/// `OUT_DIR/backlab.js` with the esbuild that `npm ci` installed there.
fn bundle_editor(editor: &Path, out: &Path) {
    for path in [
        "src",
        "package.json",
        "package-lock.json",
        "node_modules/.package-lock.json",
    ] {
        println!("cargo:rerun-if-changed={}", editor.join(path).display());
    }
    let esbuild = editor.join("node_modules/.bin/esbuild");
    if !esbuild.exists() {
        panic!(
            "{} is missing: run `./dev setup` (it runs `npm ci` in web/editor) before building",
            esbuild.display()
        );
    }
    let status = Command::new(&esbuild)
        .current_dir(editor)
        .args(["src/main.js", "--bundle", "--minify", "--format=iife"])
        .args(["--target=es2020", "--log-level=warning"])
        .arg(format!("--outfile={}", out.join("backlab.js").display()))
        .status()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", esbuild.display()));
    assert!(
        status.success(),
        "esbuild could not bundle web/editor (see above)"
    );
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    // Hidden files are not part of a course (as in `Files::read_dir`).
    let visible = entries
        .flatten()
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'));
    for entry in visible {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else {
            files.push(path);
        }
    }
}

/// The guest gets its own target directory beside the host's, so the nested
/// cargo never waits on the outer one's lock and rebuilds are incremental.
fn guest_target_dir(root: &Path) -> PathBuf {
    let host_target = env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    host_target.join("guest")
}

/// clang 14 does not know `wasm32-wasip2` and would pick the host's headers,
/// so QuickJS is compiled for `wasm32-wasi` against Debian's wasi-libc,
/// gathered here into the sysroot layout clang expects.
fn wasi_sysroot(out: &Path) -> PathBuf {
    if let Some(dir) = env::var_os("BACKLAB_WASI_SYSROOT") {
        return PathBuf::from(dir);
    }
    let sysroot = out.join("wasi-sysroot");
    let lib = sysroot.join("lib");
    std::fs::create_dir_all(&lib).expect("OUT_DIR is writable");
    link(
        Path::new("/usr/include/wasm32-wasi"),
        &sysroot.join("include"),
    );
    link(Path::new("/usr/lib/wasm32-wasi"), &lib.join("wasm32-wasi"));
    sysroot
}

fn link(from: &Path, to: &Path) {
    if !from.is_dir() {
        panic!(
            "{} is missing: the guest needs Debian's wasi-libc and clang. Run `./dev setup` (or `apt-get install clang wasi-libc`).",
            from.display()
        );
    }
    let _ = std::fs::remove_file(to);
    std::os::unix::fs::symlink(from, to)
        .unwrap_or_else(|e| panic!("could not link {}: {e}", to.display()));
}

fn build_guest(guest: &Path, target_dir: &Path, sysroot: &Path) {
    let cargo = env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .args([
            "build",
            "--release",
            "--locked",
            "--target",
            TARGET,
            "--manifest-path",
        ])
        .arg(guest.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(target_dir)
        .env("RQUICKJS_SYS_NO_WASI_SDK", "1")
        // The guest has no files: TEMP tables live in memory, counted
        // against the guest's memory limit like everything else.
        .env(
            "LIBSQLITE3_FLAGS",
            "-DSQLITE_TEMP_STORE=3 -DSQLITE_DEFAULT_MEMSTATUS=0",
        )
        .env("CC_wasm32_wasip2", "clang")
        .env(
            "CFLAGS_wasm32_wasip2",
            format!("--target=wasm32-wasi --sysroot={}", sysroot.display()),
        );
    // Settings meant for the outer build (clippy's wrapper, host flags) must
    // not leak into the guest's.
    for var in [
        "RUSTC_WORKSPACE_WRAPPER",
        "RUSTC_WRAPPER",
        "CARGO_ENCODED_RUSTFLAGS",
        "RUSTFLAGS",
        "CARGO_BUILD_TARGET",
        "CARGO_TARGET_DIR",
        "CARGO_PRIMARY_PACKAGE",
        "CARGO_MAKEFLAGS",
    ] {
        command.env_remove(var);
    }
    let status = command
        .status()
        .unwrap_or_else(|e| panic!("could not start cargo to build the guest: {e}"));
    if !status.success() {
        panic!(
            "building the sandbox guest (guest/) for {TARGET} failed; see the errors above. \
             Is the target installed (`rustup target add {TARGET}`) and are clang and wasi-libc there? `./dev setup` installs them."
        );
    }
}
