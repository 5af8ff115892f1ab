//! The candidate's personal link (SPEC §3): an HS256 JWT naming the candidate and its purpose.
//!
//! A key ring lets keys rotate: the first key signs, every key verifies, and the token's `kid`
//! header says which one to use. Verification pins the algorithm and requires `exp` and `purpose`.

use crate::domain::CandidateId;
use base64::Engine as _;
use chrono::{DateTime, Duration, Utc};
use jsonwebtoken::{errors::ErrorKind, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use std::fmt;

/// What a link lets its holder do: open the preferences page (and everything on it).
pub const PREFERENCES: &str = "preferences";
/// Stop contact, and nothing else: the `List-Unsubscribe` URL, which mail providers read and may
/// fetch, carries only this.
pub const UNSUBSCRIBE: &str = "unsubscribe";
/// Confirm one corrected email address (the claim `ref` names which).
pub const CONFIRM_EMAIL: &str = "confirm_email";

/// Shortest secret accepted: HS256 wants at least its own output size.
const MIN_SECRET_BYTES: usize = 32;

#[derive(Clone)]
struct SigningKey {
    kid: String,
    secret: Vec<u8>,
}

/// The link keys, from `CANDOR_LINK_KEYS` (`kid:base64secret,…`).
#[derive(Clone)]
pub struct KeyRing {
    keys: Vec<SigningKey>,
}

impl fmt::Debug for KeyRing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never print secrets, only which keys exist.
        let kids: Vec<&str> = self.keys.iter().map(|k| k.kid.as_str()).collect();
        f.debug_struct("KeyRing")
            .field("kids", &kids)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyRingError {
    #[error("no keys given; expected kid:base64secret[,kid:base64secret…]")]
    Empty,
    #[error("entry {0} is not kid:base64secret")]
    NotAPair(usize),
    #[error("entry {0} has an empty or invalid key id (use letters, digits, - and _)")]
    BadKid(usize),
    #[error("key id {0:?} appears twice")]
    DuplicateKid(String),
    #[error("the secret of key {0:?} is not valid base64")]
    NotBase64(String),
    #[error("the secret of key {0:?} is shorter than 32 bytes")]
    TooShort(String),
}

/// Why a link was refused. Every variant gets the same friendly page; the variant is for logs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    #[error("the link is not a well-formed token")]
    Malformed,
    #[error("the link's signature does not match")]
    BadSignature,
    #[error("the link was signed with an algorithm we don't accept")]
    WrongAlgorithm,
    #[error("the link's key is not in the key ring")]
    UnknownKey,
    #[error("the link has expired")]
    Expired,
    #[error("the link is for another purpose")]
    WrongPurpose,
}

#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    sub: CandidateId,
    purpose: String,
    iat: i64,
    exp: i64,
    /// What the link is about beyond its candidate (an email confirmation), for some purposes.
    #[serde(default, rename = "ref", skip_serializing_if = "Option::is_none")]
    reference: Option<uuid::Uuid>,
}

/// A genuine, current link: whom it names, for what, and what about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verified {
    pub candidate: CandidateId,
    pub purpose: &'static str,
    pub reference: Option<uuid::Uuid>,
}

impl KeyRing {
    pub fn parse(input: &str) -> Result<Self, KeyRingError> {
        let mut keys: Vec<SigningKey> = Vec::new();
        for (i, entry) in input
            .split(',')
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .enumerate()
        {
            let n = i + 1;
            let (kid, secret) = entry.split_once(':').ok_or(KeyRingError::NotAPair(n))?;
            let kid = kid.trim();
            let kid_ok = !kid.is_empty()
                && kid
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if !kid_ok {
                return Err(KeyRingError::BadKid(n));
            }
            if keys.iter().any(|k| k.kid == kid) {
                return Err(KeyRingError::DuplicateKid(kid.to_owned()));
            }
            let secret = decode_secret(secret.trim())
                .ok_or_else(|| KeyRingError::NotBase64(kid.to_owned()))?;
            if secret.len() < MIN_SECRET_BYTES {
                return Err(KeyRingError::TooShort(kid.to_owned()));
            }
            keys.push(SigningKey {
                kid: kid.to_owned(),
                secret,
            });
        }
        if keys.is_empty() {
            return Err(KeyRingError::Empty);
        }
        Ok(Self { keys })
    }

    /// A token for the candidate's preferences page, valid for `ttl` from `now`.
    pub fn sign(&self, candidate: CandidateId, now: DateTime<Utc>, ttl: Duration) -> String {
        self.sign_for(PREFERENCES, candidate, None, now, ttl)
    }

    /// A token for `purpose` (one of this module's constants).
    pub fn sign_for(
        &self,
        purpose: &'static str,
        candidate: CandidateId,
        reference: Option<uuid::Uuid>,
        now: DateTime<Utc>,
        ttl: Duration,
    ) -> String {
        self.sign_claims(&Claims {
            sub: candidate,
            purpose: purpose.to_owned(),
            iat: now.timestamp(),
            exp: (now + ttl).timestamp(),
            reference,
        })
    }

    fn sign_claims(&self, claims: &Claims) -> String {
        let key = &self.keys[0];
        let header = Header {
            kid: Some(key.kid.clone()),
            ..Header::new(Algorithm::HS256)
        };
        // Encoding HS256 with a byte secret and serializable claims cannot fail.
        jsonwebtoken::encode(&header, claims, &EncodingKey::from_secret(&key.secret))
            .expect("HS256 signing with an in-memory key")
    }

    /// The candidate a preferences token names, if the token is genuine, current and for that page.
    pub fn verify(&self, token: &str) -> Result<CandidateId, LinkError> {
        Ok(self.verify_for(token, &[PREFERENCES])?.candidate)
    }

    /// The link, if it is genuine, current and for one of `purposes`.
    pub fn verify_for(
        &self,
        token: &str,
        purposes: &[&'static str],
    ) -> Result<Verified, LinkError> {
        let header = jsonwebtoken::decode_header(token).map_err(|_| LinkError::Malformed)?;
        if header.alg != Algorithm::HS256 {
            return Err(LinkError::WrongAlgorithm);
        }
        let kid = header.kid.ok_or(LinkError::UnknownKey)?;
        let key = self
            .keys
            .iter()
            .find(|k| k.kid == kid)
            .ok_or(LinkError::UnknownKey)?;

        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_required_spec_claims(&["exp", "sub"]);
        validation.leeway = 0;
        let data = jsonwebtoken::decode::<Claims>(
            token,
            &DecodingKey::from_secret(&key.secret),
            &validation,
        )
        .map_err(|e| match e.kind() {
            ErrorKind::InvalidSignature => LinkError::BadSignature,
            ErrorKind::ExpiredSignature => LinkError::Expired,
            ErrorKind::InvalidAlgorithm => LinkError::WrongAlgorithm,
            _ => LinkError::Malformed,
        })?;
        let purpose = purposes
            .iter()
            .find(|p| **p == data.claims.purpose)
            .ok_or(LinkError::WrongPurpose)?;
        Ok(Verified {
            candidate: data.claims.sub,
            purpose,
            reference: data.claims.reference,
        })
    }
}

fn decode_secret(text: &str) -> Option<Vec<u8>> {
    use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
    [STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD]
        .iter()
        .find_map(|engine| engine.decode(text).ok())
}

/// `{public_url}/preferences/{token}`.
pub fn preferences_url(public_url: &url::Url, token: &str) -> String {
    format!(
        "{}/preferences/{token}",
        public_url.as_str().trim_end_matches('/')
    )
}

/// `{public_url}/unsubscribe/{token}` for the one-click `List-Unsubscribe` header (RFC 8058),
/// with a token that can stop contact and do nothing else.
pub fn unsubscribe_url(
    config: &crate::core::config::Config,
    candidate: CandidateId,
    now: DateTime<Utc>,
    ttl: Duration,
) -> String {
    let token = config
        .link_keys
        .sign_for(UNSUBSCRIBE, candidate, None, now, ttl);
    format!(
        "{}/unsubscribe/{token}",
        config.public_url.as_str().trim_end_matches('/')
    )
}

/// `{public_url}/confirm-email/{token}`: confirms the corrected address `confirmation`.
pub fn confirm_email_url(
    config: &crate::core::config::Config,
    candidate: CandidateId,
    confirmation: uuid::Uuid,
    now: DateTime<Utc>,
) -> String {
    let token = config.link_keys.sign_for(
        CONFIRM_EMAIL,
        candidate,
        Some(confirmation),
        now,
        CONFIRMATION_TTL,
    );
    format!(
        "{}/confirm-email/{token}",
        config.public_url.as_str().trim_end_matches('/')
    )
}

/// A confirmation link is short-lived: it proves someone reads the address now.
pub const CONFIRMATION_TTL: Duration = Duration::days(7);

#[cfg(test)]
mod tests {
    use super::*;
    use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};

    fn secret(byte: u8) -> String {
        STANDARD.encode([byte; 32])
    }

    fn ring(spec: &[(&str, u8)]) -> KeyRing {
        let text: Vec<String> = spec
            .iter()
            .map(|(kid, b)| format!("{kid}:{}", secret(*b)))
            .collect();
        KeyRing::parse(&text.join(",")).unwrap()
    }

    fn candidate() -> CandidateId {
        "0b6a4d1e-8f58-4d8e-9a1c-3f2e5d6c7b8a".parse().unwrap()
    }

    fn year() -> Duration {
        Duration::days(365)
    }

    /// Rebuilds a token with one of its three parts replaced.
    fn with_part(token: &str, index: usize, part: String) -> String {
        let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
        parts[index] = part;
        parts.join(".")
    }

    /// Signs arbitrary claims with the secret of key `k1` in `ring(&[("k1", 1)])`.
    fn sign_json_with(alg: Algorithm, kid: Option<&str>, claims: serde_json::Value) -> String {
        let header = Header {
            kid: kid.map(str::to_owned),
            ..Header::new(alg)
        };
        jsonwebtoken::encode(&header, &claims, &EncodingKey::from_secret(&[1; 32])).unwrap()
    }

    fn sign_json(claims: serde_json::Value) -> String {
        sign_json_with(Algorithm::HS256, Some("k1"), claims)
    }

    fn b64(json: &str) -> String {
        URL_SAFE_NO_PAD.encode(json)
    }

    #[test]
    fn a_signed_link_verifies_to_its_candidate() {
        let keys = ring(&[("k1", 1)]);
        let token = keys.sign(candidate(), Utc::now(), year());
        assert_eq!(keys.verify(&token), Ok(candidate()));
    }

    #[test]
    fn forged_and_broken_links_are_rejected() {
        let keys = ring(&[("k1", 1)]);
        let now = Utc::now();
        let good = keys.sign(candidate(), now, year());
        let other = "11111111-2222-4333-8444-555555555555";
        let exp = (now + year()).timestamp();
        let iat = now.timestamp();

        let tampered_payload = with_part(
            &good,
            1,
            b64(&format!(
                r#"{{"sub":"{other}","purpose":"preferences","iat":{iat},"exp":{exp}}}"#
            )),
        );
        let mut sig: Vec<u8> = URL_SAFE_NO_PAD
            .decode(good.split('.').nth(2).unwrap())
            .unwrap();
        sig[0] ^= 1;
        let tampered_signature = with_part(&good, 2, URL_SAFE_NO_PAD.encode(sig));
        let alg_none = format!(
            "{}.{}.",
            b64(r#"{"alg":"none","typ":"JWT","kid":"k1"}"#),
            good.split('.').nth(1).unwrap()
        );
        let claims =
            serde_json::json!({"sub": candidate(), "purpose": PREFERENCES, "iat": iat, "exp": exp});
        let hs512 = sign_json_with(Algorithm::HS512, Some("k1"), claims.clone());
        let rs256_header = with_part(&good, 0, b64(r#"{"alg":"RS256","typ":"JWT","kid":"k1"}"#));
        let expired = keys.sign(candidate(), now - Duration::days(400), year());
        let unknown_kid = ring(&[("k9", 1)]).sign(candidate(), now, year());
        let no_kid = sign_json_with(Algorithm::HS256, None, claims);
        let wrong_purpose = keys.sign_claims(&Claims {
            sub: candidate(),
            purpose: "admin".into(),
            iat,
            exp,
            reference: None,
        });
        let unsubscribe_only = keys.sign_for(UNSUBSCRIBE, candidate(), None, now, year());
        let missing_purpose =
            sign_json(serde_json::json!({"sub": candidate(), "iat": iat, "exp": exp}));
        let missing_exp =
            sign_json(serde_json::json!({"sub": candidate(), "purpose": PREFERENCES, "iat": iat}));

        let cases: Vec<(&str, String, LinkError)> = vec![
            (
                "tampered payload",
                tampered_payload,
                LinkError::BadSignature,
            ),
            (
                "tampered signature",
                tampered_signature,
                LinkError::BadSignature,
            ),
            ("alg none", alg_none, LinkError::Malformed),
            ("HS512", hs512, LinkError::WrongAlgorithm),
            ("RS256 header", rs256_header, LinkError::WrongAlgorithm),
            ("expired", expired, LinkError::Expired),
            ("unknown kid", unknown_kid, LinkError::UnknownKey),
            ("no kid", no_kid, LinkError::UnknownKey),
            ("wrong purpose", wrong_purpose, LinkError::WrongPurpose),
            (
                "an unsubscribe link opens no page",
                unsubscribe_only,
                LinkError::WrongPurpose,
            ),
            ("missing purpose", missing_purpose, LinkError::Malformed),
            ("missing exp", missing_exp, LinkError::Malformed),
            ("garbage", "not-a-token".into(), LinkError::Malformed),
            ("empty", String::new(), LinkError::Malformed),
            (
                "three dots of garbage",
                "a.b.c".into(),
                LinkError::Malformed,
            ),
        ];
        for (name, token, expected) in cases {
            assert_eq!(keys.verify(&token), Err(expected), "{name}");
        }
    }

    #[test]
    fn a_link_serves_only_the_purposes_its_reader_accepts() {
        let keys = ring(&[("k1", 1)]);
        let now = Utc::now();
        let confirmation = uuid::Uuid::from_u128(42);
        let unsubscribe = keys.sign_for(UNSUBSCRIBE, candidate(), None, now, year());
        let preferences = keys.sign(candidate(), now, year());
        let confirm = keys.sign_for(CONFIRM_EMAIL, candidate(), Some(confirmation), now, year());
        let stop = [UNSUBSCRIBE, PREFERENCES];
        assert_eq!(
            keys.verify_for(&unsubscribe, &stop).unwrap().purpose,
            UNSUBSCRIBE
        );
        // Links sent before the unsubscribe purpose existed keep working there.
        assert_eq!(
            keys.verify_for(&preferences, &stop).unwrap().purpose,
            PREFERENCES
        );
        assert_eq!(
            keys.verify_for(&confirm, &stop),
            Err(LinkError::WrongPurpose)
        );
        let verified = keys.verify_for(&confirm, &[CONFIRM_EMAIL]).unwrap();
        assert_eq!(verified.reference, Some(confirmation));
        assert_eq!(verified.candidate, candidate());
        assert_eq!(keys.verify(&confirm), Err(LinkError::WrongPurpose));
    }

    #[test]
    fn a_rotated_ring_still_verifies_old_links_and_signs_with_the_new_key() {
        let old = ring(&[("2025", 1)]);
        let old_link = old.sign(candidate(), Utc::now(), year());
        let rotated = ring(&[("2026", 2), ("2025", 1)]);
        assert_eq!(rotated.verify(&old_link), Ok(candidate()));

        let new_link = rotated.sign(candidate(), Utc::now(), year());
        assert_eq!(
            jsonwebtoken::decode_header(&new_link)
                .unwrap()
                .kid
                .as_deref(),
            Some("2026")
        );
        assert_eq!(old.verify(&new_link), Err(LinkError::UnknownKey));

        // Once the old key is retired, its links stop working.
        let retired = ring(&[("2026", 2)]);
        assert_eq!(retired.verify(&old_link), Err(LinkError::UnknownKey));
    }

    #[test]
    fn key_ring_parsing_names_the_problem() {
        let s = secret(7);
        let cases = [
            ("".to_owned(), KeyRingError::Empty),
            (" , ".to_owned(), KeyRingError::Empty),
            ("k1".to_owned(), KeyRingError::NotAPair(1)),
            (format!("k1:{s},:{s}"), KeyRingError::BadKid(2)),
            (format!("k 1:{s}"), KeyRingError::BadKid(1)),
            (
                format!("k1:{s},k1:{s}"),
                KeyRingError::DuplicateKid("k1".into()),
            ),
            ("k1:***".to_owned(), KeyRingError::NotBase64("k1".into())),
            (
                format!("k1:{}", STANDARD.encode([1u8; 16])),
                KeyRingError::TooShort("k1".into()),
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(KeyRing::parse(&input).unwrap_err(), expected, "{input:?}");
        }
        let ok = KeyRing::parse(&format!(
            " a:{s} , b-2:{} ",
            URL_SAFE_NO_PAD.encode([3u8; 40])
        ))
        .unwrap();
        assert_eq!(format!("{ok:?}"), r#"KeyRing { kids: ["a", "b-2"], .. }"#);
    }

    #[test]
    fn preferences_url_joins_cleanly() {
        let with_slash = url::Url::parse("https://candor.example.com/").unwrap();
        assert_eq!(
            preferences_url(&with_slash, "t"),
            "https://candor.example.com/preferences/t"
        );
        let with_path = url::Url::parse("https://example.com/candor").unwrap();
        assert_eq!(
            preferences_url(&with_path, "t"),
            "https://example.com/candor/preferences/t"
        );
    }
}
