//! Password hashing with argon2id, inside the sandbox: a hash read from the
//! learner's database names its own cost, so it must be paid from the run's
//! memory and time, never the host's.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::backlab::sandbox::crypto;

/// Why a password could not be checked.
pub enum VerifyError {
    /// The stored value is not a PHC string argon2 can read.
    NotAHash,
    /// The hash asks for more memory than the sandbox has (in KiB).
    TooCostly { memory_kib: u32, limit_kib: u32 },
}

/// Hashes `password` with argon2id and Backlab's fixed cost, giving a PHC string.
pub fn hash(password: &str) -> Result<String, String> {
    let salt = crypto::random_bytes(16);
    let salt = SaltString::encode_b64(&salt).map_err(|e| format!("salt: {e}"))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| format!("argon2: {e}"))
}

/// Checks `password` against `stored`, at the cost `stored` names, refused
/// up front when that memory could never fit in the sandbox.
pub fn verify(password: &str, stored: &str, limit_bytes: u64) -> Result<bool, VerifyError> {
    let parsed = PasswordHash::new(stored).map_err(|_| VerifyError::NotAHash)?;
    let params = Params::try_from(&parsed).map_err(|_| VerifyError::NotAHash)?;
    let limit_kib = u32::try_from(limit_bytes / 1024).unwrap_or(u32::MAX);
    if params.m_cost() > limit_kib {
        return Err(VerifyError::TooCostly {
            memory_kib: params.m_cost(),
            limit_kib,
        });
    }
    let algorithm = Algorithm::try_from(parsed.algorithm).map_err(|_| VerifyError::NotAHash)?;
    let version = parsed
        .version
        .map(Version::try_from)
        .transpose()
        .map_err(|_| VerifyError::NotAHash)?
        .unwrap_or_default();
    let argon = Argon2::new(algorithm, version, params);
    Ok(argon.verify_password(password.as_bytes(), &parsed).is_ok())
}
