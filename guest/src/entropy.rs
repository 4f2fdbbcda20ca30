//! SQLite's random source is the sandbox's: `random()` and `randomblob()`
//! draw on WASI's random source (the host's, seeded per step while
//! grading) instead of SQLite's own fallback, which without /dev/urandom
//! seeds from the clock's seconds and so repeats between requests.

use std::ffi::{c_char, c_int, c_void};
use std::ptr;

use rusqlite::ffi;

unsafe extern "C" {
    /// wasi-libc: fills `len` (at most 256) bytes from WASI's random source.
    fn getentropy(buf: *mut c_void, len: usize) -> c_int;
}

/// The default VFS's `xRandomness`, answered from WASI.
unsafe extern "C" fn randomness(_vfs: *mut ffi::sqlite3_vfs, n: c_int, out: *mut c_char) -> c_int {
    let len = usize::try_from(n).unwrap_or(0);
    if out.is_null() || len == 0 {
        return 0;
    }
    // SAFETY: SQLite passes a buffer of `n` bytes.
    let buf = unsafe { std::slice::from_raw_parts_mut(out.cast::<u8>(), len) };
    for chunk in buf.chunks_mut(256) {
        // SAFETY: `chunk` is writable and at most 256 bytes long.
        unsafe { getentropy(chunk.as_mut_ptr().cast(), chunk.len()) };
    }
    n
}

/// Makes a copy of SQLite's default VFS with WASI's random source the
/// default. Called once per instance, with its one connection (in the
/// snapshot when there is one).
pub fn install() {
    // SAFETY: `sqlite3_vfs_find` initialises SQLite and returns its default
    // VFS, which lives for the program; the copy differs only in its name
    // and random source, and is leaked so it lives as long.
    unsafe {
        let default = ffi::sqlite3_vfs_find(ptr::null());
        if !default.is_null() {
            let mut vfs = *default;
            vfs.zName = c"backlab".as_ptr();
            vfs.pNext = ptr::null_mut();
            vfs.xRandomness = Some(randomness);
            ffi::sqlite3_vfs_register(Box::into_raw(Box::new(vfs)), 1);
        }
    }
}

/// Has SQLite seed its generator again, from this request's source, on
/// its next use.
pub fn reseed() {
    // SAFETY: a zero length and a null buffer only reset the generator.
    unsafe { ffi::sqlite3_randomness(0, ptr::null_mut()) };
}
