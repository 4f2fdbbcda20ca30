//! The weak ETag Express puts on every `res.send()`: the etag package's
//! `W/"<length in hex>-<first 27 characters of the body's base64 SHA-1>"`.

use sha1::{Digest, Sha1};

pub fn weak(body: &str) -> String {
    let digest = Sha1::digest(body.as_bytes());
    let base64 = base64(&digest);
    format!("W/\"{:x}-{}\"", body.len(), &base64[..27])
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn matches_the_etag_package() {
        // What `etag("", { weak: true })` and `etag("hello", …)` give in Node.
        assert_eq!(super::weak(""), "W/\"0-2jmj7l5rSw0yVb/vlWAYkK/YBwk\"");
        assert_eq!(super::weak("hello"), "W/\"5-qvTGHdzF6KLavt4PO0gs2a6pQ00\"");
    }
}
