//! The one showing of a new secret (an API key, a webhook signing secret) to the browser that made
//! it: the secret is kept sealed with that session's token, which the database never holds (only
//! its hash), so only that browser can open it, on its next view of the page, with or without
//! JavaScript.

use hmac::{Hmac, Mac};
use sha2::Sha256;
use uuid::Uuid;

/// How long a sealed secret waits to be shown.
pub const REVEAL_MINUTES: i64 = 10;

/// The pad that seals `id`'s secret for one session; `purpose` keeps pads of different kinds of
/// secret apart.
fn pad(session_token: &str, purpose: &[u8], id: Uuid) -> [u8; 32] {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(session_token.as_bytes())
        .expect("HMAC takes a key of any length");
    mac.update(purpose);
    mac.update(id.as_bytes());
    mac.finalize().into_bytes().into()
}

/// Seals (and, applied again, opens) a 32-byte secret.
pub fn seal(session_token: &str, purpose: &[u8], id: Uuid, secret: &[u8]) -> Vec<u8> {
    let pad = pad(session_token, purpose, id);
    secret.iter().zip(pad.iter()).map(|(x, y)| x ^ y).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_same_session_and_purpose_open_a_sealed_secret() {
        let id = Uuid::from_u128(7);
        let secret = [42u8; 32];
        let sealed = seal("session-a", b"key", id, &secret);
        assert_ne!(sealed, secret);
        assert_eq!(seal("session-a", b"key", id, &sealed), secret);
        assert_ne!(seal("session-b", b"key", id, &sealed), secret);
        assert_ne!(seal("session-a", b"hook", id, &sealed), secret);
    }
}
