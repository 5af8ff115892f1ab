//! Signing per the Standard Webhooks scheme: `v1,` + base64 of HMAC-SHA256 over
//! `{webhook-id}.{webhook-timestamp}.{body}`, keyed with the secret's bytes; several signatures
//! (the new and the old secret during a rotation) are separated by spaces.

use crate::domain::webhooks::SECRET_PREFIX;
use base64::{engine::general_purpose::STANDARD, Engine as _};
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// One signature of a message.
pub fn sign(secret: &[u8], id: &str, timestamp: i64, body: &[u8]) -> String {
    let mut mac =
        <Hmac<Sha256> as Mac>::new_from_slice(secret).expect("HMAC takes a key of any length");
    mac.update(id.as_bytes());
    mac.update(b".");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    format!("v1,{}", STANDARD.encode(mac.finalize().into_bytes()))
}

/// The `webhook-signature` header: a signature per secret still in use.
pub fn header(secrets: &[&[u8]], id: &str, timestamp: i64, body: &[u8]) -> String {
    secrets
        .iter()
        .map(|secret| sign(secret, id, timestamp, body))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A secret as shown to the admin and given to a receiver's library: `whsec_` + base64.
pub fn secret_text(secret: &[u8]) -> String {
    format!("{SECRET_PREFIX}{}", STANDARD.encode(secret))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_the_id_timestamp_and_body() {
        let secret = [7u8; 32];
        let one = sign(&secret, "msg_1", 1_700_000_000, b"{}");
        assert!(one.starts_with("v1,"));
        assert_ne!(one, sign(&secret, "msg_2", 1_700_000_000, b"{}"));
        assert_ne!(one, sign(&secret, "msg_1", 1_700_000_001, b"{}"));
        assert_ne!(one, sign(&secret, "msg_1", 1_700_000_000, b"{ }"));
        assert_ne!(one, sign(&[8u8; 32], "msg_1", 1_700_000_000, b"{}"));
    }

    #[test]
    fn a_rotation_signs_with_both_secrets() {
        let (new, old) = ([1u8; 32], [2u8; 32]);
        let both = header(&[&new, &old], "m", 1, b"x");
        assert_eq!(
            both,
            format!("{} {}", sign(&new, "m", 1, b"x"), sign(&old, "m", 1, b"x"))
        );
        assert!(secret_text(&new).starts_with("whsec_"));
    }
}
