//! Who is in the class and how they prove it: one-time join codes, argon2id
//! passwords, sessions kept in the store (so any server of the class knows
//! them), and sign-in failures counted per account and per address.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use rand::Rng;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::ClassStore;
use super::db::{DbError, Row, Tx, Value};

/// How long a session lasts from sign-in.
pub const SESSION_SECONDS: i64 = 7 * 24 * 3600;
/// Failed sign-ins allowed per account, and per address, in one window.
const FAILURES_PER_ACCOUNT: i64 = 5;
const FAILURES_PER_ADDRESS: i64 = 30;
const FAILURE_WINDOW_SECONDS: i64 = 15 * 60;
/// The shortest password, as the security track teaches.
pub const MIN_PASSWORD: usize = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Instructor,
    Learner,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Instructor => "instructor",
            Self::Learner => "learner",
        }
    }

    fn parse(text: &str) -> Self {
        if text == "instructor" {
            Self::Instructor
        } else {
            Self::Learner
        }
    }
}

/// A person in the class.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Member {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: Role,
    /// Whether they have set a password.
    pub joined: bool,
}

const MEMBER_COLUMNS: &str = "id, name, email, role, password_hash IS NOT NULL";

fn member(row: &Row) -> Member {
    Member {
        id: row.int(0),
        name: row.text(1),
        email: row.text(2),
        role: Role::parse(&row.text(3)),
        joined: row.int(4) != 0,
    }
}

/// A signed-in member and the token their forms must carry.
#[derive(Debug, Clone)]
pub struct Session {
    pub member: Member,
    pub csrf: String,
}

/// A session just made: the cookie's value is `token`.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub token: String,
    pub session: Session,
}

/// A join code just issued, shown once.
#[derive(Debug, Clone, Serialize)]
pub struct Invite {
    pub member: Member,
    /// None when the person had already joined.
    pub code: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    #[error("that email and password do not match an account of this class")]
    Wrong,
    #[error("too many failed sign-ins; wait {minutes} minute(s) and try again")]
    TooMany { minutes: i64 },
    #[error("{0}")]
    Db(#[from] DbError),
}

#[derive(Debug, thiserror::Error)]
pub enum JoinError {
    #[error("this join link is not valid any more: it was used, or a newer one was issued")]
    UnknownCode,
    #[error("choose a password of at least {MIN_PASSWORD} characters")]
    ShortPassword,
    #[error("the two passwords differ")]
    Mismatch,
    #[error("{0}")]
    Db(#[from] DbError),
}

/// A random secret, hex.
pub fn random_token(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::rng().fill_bytes(&mut buf);
    hex(&buf)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Secrets are stored only as hashes: a copy of the store opens no account.
pub fn hash_secret(secret: &str) -> String {
    hex(&Sha256::digest(secret.as_bytes()))
}

fn hash_password(password: &str) -> Result<String, DbError> {
    let mut salt = [0u8; 16];
    rand::rng().fill_bytes(&mut salt);
    let salt = SaltString::encode_b64(&salt).map_err(|e| DbError::Other(e.to_string()))?;
    argon2::Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| DbError::Other(format!("cannot hash the password: {e}")))
}

fn password_matches(password: &str, stored: Option<&str>) -> bool {
    // An unknown account costs the same time as a wrong password.
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let dummy = DUMMY.get_or_init(|| hash_password(&random_token(16)).unwrap_or_default());
    let Ok(hash) = PasswordHash::new(stored.unwrap_or(dummy)) else {
        return false;
    };
    let ok = argon2::Argon2::default()
        .verify_password(password.as_bytes(), &hash)
        .is_ok();
    ok && stored.is_some()
}

/// Emails compare without case or surrounding spaces.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

impl ClassStore {
    /// Adds a person, or gives one who has not joined yet a fresh join code
    /// (the old one stops working). Someone who joined keeps their account.
    pub fn invite(&self, name: &str, email: &str, role: Role) -> Result<Invite, DbError> {
        let email = normalise_email(email);
        let code = random_token(12);
        let code_hash = hash_secret(&code);
        self.db.tx(|tx| {
            let existing = tx.one(
                &format!("SELECT {MEMBER_COLUMNS} FROM users WHERE email = $1"),
                &[email.as_str().into()],
            )?;
            if let Some(found) = existing.map(|r| member(&r)) {
                if found.joined {
                    return Ok(Invite {
                        member: found,
                        code: None,
                    });
                }
                tx.execute(
                    "UPDATE users SET join_code_hash = $1, name = $2 WHERE id = $3",
                    &[code_hash.as_str().into(), name.into(), found.id.into()],
                )?;
                let member = Member {
                    name: name.to_string(),
                    ..found
                };
                return Ok(Invite {
                    member,
                    code: Some(code),
                });
            }
            let row = tx
                .one(
                    "INSERT INTO users (name, email, role, join_code_hash, created_at)
                     VALUES ($1, $2, $3, $4, $5) RETURNING id",
                    &[
                        name.into(),
                        email.as_str().into(),
                        role.as_str().into(),
                        code_hash.as_str().into(),
                        now().into(),
                    ],
                )?
                .ok_or_else(|| DbError::Other("the new account has no id".into()))?;
            Ok(Invite {
                member: Member {
                    id: row.int(0),
                    name: name.to_string(),
                    email: email.clone(),
                    role,
                    joined: false,
                },
                code: Some(code),
            })
        })
    }

    /// A new one-time link for member `id`, joined or not: how a lost link
    /// or a forgotten password is replaced. Any older link stops working;
    /// a current password keeps working until the new link is used.
    pub fn reissue(&self, id: i64) -> Result<Option<Invite>, DbError> {
        let code = random_token(12);
        let code_hash = hash_secret(&code);
        self.db.tx(|tx| {
            let found = tx
                .one(
                    &format!("SELECT {MEMBER_COLUMNS} FROM users WHERE id = $1"),
                    &[id.into()],
                )?
                .map(|r| member(&r));
            let Some(found) = found else {
                return Ok(None);
            };
            tx.execute(
                "UPDATE users SET join_code_hash = $1 WHERE id = $2",
                &[code_hash.as_str().into(), id.into()],
            )?;
            Ok(Some(Invite {
                member: found,
                code: Some(code.clone()),
            }))
        })
    }

    /// Whom a join code is for, while it is valid.
    pub fn invited(&self, code: &str) -> Result<Option<Member>, DbError> {
        let code_hash = hash_secret(code);
        self.db.tx(|tx| {
            Ok(tx
                .one(
                    &format!("SELECT {MEMBER_COLUMNS} FROM users WHERE join_code_hash = $1"),
                    &[code_hash.into()],
                )?
                .map(|r| member(&r)))
        })
    }

    /// Sets the password of the person the code is for, uses the code up,
    /// ends their other sessions, and signs them in.
    pub fn join(&self, code: &str, password: &str, again: &str) -> Result<NewSession, JoinError> {
        if password != again {
            return Err(JoinError::Mismatch);
        }
        if password.chars().count() < MIN_PASSWORD {
            return Err(JoinError::ShortPassword);
        }
        let found = self.invited(code)?.ok_or(JoinError::UnknownCode)?;
        let hash = hash_password(password)?;
        let code_hash = hash_secret(code);
        let new = self.db.tx(|tx| {
            let changed = tx.execute(
                "UPDATE users SET password_hash = $1, join_code_hash = NULL, joined_at = $2
                 WHERE id = $3 AND join_code_hash = $4",
                &[
                    hash.as_str().into(),
                    now().into(),
                    found.id.into(),
                    code_hash.as_str().into(),
                ],
            )?;
            if changed == 0 {
                return Ok(None);
            }
            // A new password ends every session the old one started.
            tx.execute(
                "DELETE FROM sessions WHERE user_id = $1",
                &[found.id.into()],
            )?;
            let member = Member {
                joined: true,
                ..found.clone()
            };
            start_session(tx, member).map(Some)
        })?;
        new.ok_or(JoinError::UnknownCode)
    }

    /// Checks an email and password; a success starts a new session (and
    /// ends `previous`, the one the browser had: sessions rotate at sign-in).
    pub fn sign_in(
        &self,
        email: &str,
        password: &str,
        address: &str,
        previous: Option<&str>,
    ) -> Result<NewSession, SignInError> {
        let email = normalise_email(email);
        let keys = [
            (format!("account:{email}"), FAILURES_PER_ACCOUNT),
            (format!("address:{address}"), FAILURES_PER_ADDRESS),
        ];
        let at = now();
        // The attempt is counted before the password is checked, in one
        // statement per key, so parallel guesses cannot slip past the limit;
        // a success takes its count back.
        let blocked = self.db.tx(|tx| {
            let mut wait = 0;
            for (key, limit) in &keys {
                let (window_start, failures) = count_attempt(tx, key, at)?;
                if failures > *limit {
                    wait = wait.max(window_start + FAILURE_WINDOW_SECONDS - at);
                }
            }
            Ok(wait)
        })?;
        if blocked > 0 {
            return Err(SignInError::TooMany {
                minutes: (blocked + 59) / 60,
            });
        }
        let stored = self.db.tx(|tx| {
            Ok(tx
                .one(
                    &format!("SELECT {MEMBER_COLUMNS}, password_hash FROM users WHERE email = $1"),
                    &[email.as_str().into()],
                )?
                .map(|r| (member(&r), r.opt_text(5))))
        })?;
        let hash = stored.as_ref().and_then(|(_, h)| h.as_deref());
        if !password_matches(password, hash) {
            return Err(SignInError::Wrong);
        }
        let (member, _) = stored.ok_or(SignInError::Wrong)?;
        let previous = previous.map(hash_secret);
        Ok(self.db.tx(|tx| {
            tx.execute(
                "DELETE FROM signin_failures WHERE key = $1",
                &[keys[0].0.as_str().into()],
            )?;
            tx.execute(
                "UPDATE signin_failures SET failures = failures - 1 WHERE key = $1 AND failures > 0",
                &[keys[1].0.as_str().into()],
            )?;
            if let Some(previous) = &previous {
                tx.execute(
                    "DELETE FROM sessions WHERE token_hash = $1",
                    &[previous.as_str().into()],
                )?;
            }
            start_session(tx, member)
        })?)
    }

    /// The member a session cookie belongs to, while it lasts.
    pub fn session(&self, token: &str) -> Result<Option<Session>, DbError> {
        let token_hash = hash_secret(token);
        self.db.tx(|tx| {
            Ok(tx
                .one(
                    "SELECT u.id, u.name, u.email, u.role, u.password_hash IS NOT NULL, s.csrf
                     FROM sessions AS s JOIN users AS u ON u.id = s.user_id
                     WHERE s.token_hash = $1 AND s.expires_at > $2",
                    &[token_hash.into(), now().into()],
                )?
                .map(|row| Session {
                    member: member(&row),
                    csrf: row.text(5),
                }))
        })
    }

    pub fn sign_out(&self, token: &str) -> Result<(), DbError> {
        let token_hash = hash_secret(token);
        self.db.tx(|tx| {
            tx.execute(
                "DELETE FROM sessions WHERE token_hash = $1 OR expires_at <= $2",
                &[token_hash.into(), now().into()],
            )
            .map(drop)
        })
    }

    /// Everyone in the class, instructors first, then by name.
    pub fn members(&self) -> Result<Vec<Member>, DbError> {
        self.db.tx(|tx| {
            Ok(tx
                .query(
                    &format!(
                        "SELECT {MEMBER_COLUMNS} FROM users
                         ORDER BY CASE role WHEN 'instructor' THEN 0 ELSE 1 END, name, id"
                    ),
                    &[],
                )?
                .iter()
                .map(member)
                .collect())
        })
    }

    pub fn member(&self, id: i64) -> Result<Option<Member>, DbError> {
        self.db.tx(|tx| {
            Ok(tx
                .one(
                    &format!("SELECT {MEMBER_COLUMNS} FROM users WHERE id = $1"),
                    &[id.into()],
                )?
                .map(|r| member(&r)))
        })
    }

    /// A join link for the instructor `email` while nobody has joined as
    /// an instructor: how a new class is opened.
    pub fn open_class(&self, email: &str) -> Result<Option<Invite>, DbError> {
        let joined = self.db.tx(|tx| {
            Ok(tx
                .one(
                    "SELECT count(*) FROM users
                     WHERE role = 'instructor' AND password_hash IS NOT NULL",
                    &[],
                )?
                .map_or(0, |r| r.int(0)))
        })?;
        if joined > 0 {
            return Ok(None);
        }
        self.invite("Instructor", email, Role::Instructor).map(Some)
    }
}

fn start_session(tx: &mut dyn Tx, member: Member) -> Result<NewSession, DbError> {
    let token = random_token(32);
    let csrf = random_token(24);
    let at = now();
    tx.execute(
        "INSERT INTO sessions (token_hash, user_id, csrf, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5)",
        &[
            hash_secret(&token).into(),
            member.id.into(),
            csrf.as_str().into(),
            at.into(),
            (at + SESSION_SECONDS).into(),
        ],
    )?;
    Ok(NewSession {
        token,
        session: Session { member, csrf },
    })
}

/// Counts one attempt against `key` (a new window once the last one
/// ended); the window's start and its count so far.
fn count_attempt(tx: &mut dyn Tx, key: &str, at: i64) -> Result<(i64, i64), DbError> {
    let params: [Value; 3] = [key.into(), at.into(), (at - FAILURE_WINDOW_SECONDS).into()];
    let row = tx.one(
        "INSERT INTO signin_failures (key, window_start, failures) VALUES ($1, $2, 1)
         ON CONFLICT (key) DO UPDATE SET
             failures = CASE WHEN signin_failures.window_start <= $3 THEN 1
                             ELSE signin_failures.failures + 1 END,
             window_start = CASE WHEN signin_failures.window_start <= $3 THEN $2
                                 ELSE signin_failures.window_start END
         RETURNING window_start, failures",
        &params,
    )?;
    Ok(row.map_or((at, 1), |r| (r.int(0), r.int(1))))
}
