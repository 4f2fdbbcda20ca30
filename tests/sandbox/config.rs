//! What the course's security and configuration lessons need from the
//! sandbox: digests and a constant-time comparison, the client's address,
//! and configuration values.

use serde_json::json;

use crate::util::{get, json, run, run_with};
use backlab::sandbox::{HttpRequest, RunOptions};

#[test]
fn sha256_and_hmac_match_their_standard_vectors() {
    let code = r#"
app.get("/", (req, res) => res.json({
  sha: crypto.sha256("abc"),
  empty: crypto.sha256(""),
  mac: crypto.hmacSha256("Jefe", "what do ya want for nothing?"),
  node: crypto.createHash("sha256").update("a").update("bc").digest("hex"),
  b64: crypto.createHmac("SHA256", "Jefe").update("what do ya want for nothing?").digest("base64"),
  url: crypto.createHash("sha256").update("abc").digest("base64url"),
  viaRequire: require("node:crypto").sha256("abc") === crypto.sha256("abc"),
}));"#;
    assert_eq!(
        json(&run(code, get("/"))),
        json!({
            "sha": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "empty": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "mac": "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            "node": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "b64": "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=",
            "url": "ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0",
            "viaRequire": true,
        })
    );
}

#[test]
fn digests_of_text_outside_ascii_hash_its_utf8_bytes() {
    // "é" is U+00E9, sent to SHA-256 as the two bytes c3 a9.
    let code = r#"app.get("/", (req, res) => res.json({ sha: crypto.sha256("\u00e9") }));"#;
    assert_eq!(
        json(&run(code, get("/"))),
        json!({ "sha": "4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c" })
    );
}

#[test]
fn timing_safe_equal_compares_whole_strings() {
    let code = r#"
app.get("/", (req, res) => res.json([
  crypto.timingSafeEqual("s3cret", "s3cret"),
  crypto.timingSafeEqual("s3cret", "s3creT"),
  crypto.timingSafeEqual("s3cret", "s3cret!"),
  crypto.timingSafeEqual("", ""),
]));"#;
    assert_eq!(
        json(&run(code, get("/"))),
        json!([true, false, false, true])
    );
}

#[test]
fn digests_refuse_what_they_cannot_hash_in_plain_words() {
    let code = r#"
const tryIt = (f) => { try { f(); return "ok"; } catch (e) { return e.message; } };
app.get("/", (req, res) => res.json({
  number: tryIt(() => crypto.sha256(42)),
  md5: tryIt(() => crypto.createHash("md5")),
  twice: tryIt(() => { const h = crypto.createHash("sha256"); h.digest("hex"); h.digest("hex"); }),
  encoding: tryIt(() => crypto.createHash("sha256").update("x").digest("latin1")),
}));"#;
    assert_eq!(
        json(&run(code, get("/"))),
        json!({
            "number": "crypto.sha256(text) must be a string",
            "md5": "crypto.createHash(\"md5\") is not available in Backlab's sandbox: only \"sha256\" is",
            "twice": "crypto.createHash: digest() called twice",
            "encoding": "digest(\"latin1\"): use \"hex\", \"base64\" or \"base64url\"",
        })
    );
}

#[test]
fn req_ip_is_the_client_address_and_loopback_by_default() {
    let code = r#"app.get("/", (req, res) => res.json({ ip: req.ip, socket: req.socket.remoteAddress }));"#;
    assert_eq!(
        json(&run(code, get("/"))),
        json!({ "ip": "127.0.0.1", "socket": "127.0.0.1" })
    );
    let from = HttpRequest {
        remote_address: Some("203.0.113.7".into()),
        ..get("/")
    };
    assert_eq!(
        json(&run(code, from)),
        json!({ "ip": "203.0.113.7", "socket": "203.0.113.7" })
    );
}

#[test]
fn x_forwarded_for_counts_only_behind_a_trusted_proxy() {
    let code = r#"
app.get("/", (req, res) => res.json({ ip: req.ip }));"#;
    let spoofed = HttpRequest {
        remote_address: Some("198.51.100.2".into()),
        ..get("/").header("X-Forwarded-For", "10.0.0.1")
    };
    assert_eq!(
        json(&run(code, spoofed.clone())),
        json!({ "ip": "198.51.100.2" })
    );
    let trusting = format!("app.set(\"trust proxy\", true);\n{code}");
    assert_eq!(json(&run(&trusting, spoofed)), json!({ "ip": "10.0.0.1" }));
}

#[test]
fn process_env_holds_the_configuration_from_loading_on() {
    let code = r#"
const host = process.env.PUBLIC_HOST;
if (!host) throw new Error("PUBLIC_HOST is not set");
app.get("/", (req, res) => res.json({ host, missing: process.env.NOPE ?? null, keys: Object.keys(process.env) }));"#;
    let options = RunOptions {
        env: vec![
            ("PUBLIC_HOST".into(), "shop.example".into()),
            ("MODE".into(), "test".into()),
        ],
        ..RunOptions::default()
    };
    assert_eq!(
        json(&run_with(code, get("/"), &options)),
        json!({ "host": "shop.example", "missing": null, "keys": ["PUBLIC_HOST", "MODE"] })
    );
    let unset = run(code, get("/"));
    assert!(
        unset.verdict.message().contains("PUBLIC_HOST is not set"),
        "{}",
        unset.verdict.message()
    );
}
