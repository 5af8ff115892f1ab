//! Configuration from environment variables, validated once at start (SPEC §9).
//!
//! Every error names the variable at fault and never echoes a secret's value.

use crate::core::links::KeyRing;
use base64::Engine as _;
use lettre::message::Mailbox;
use std::{fmt, net::SocketAddr, path::PathBuf};
use url::Url;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{variable}: {problem}")]
pub struct ConfigError {
    pub variable: &'static str,
    pub problem: String,
}

impl ConfigError {
    fn new(variable: &'static str, problem: impl Into<String>) -> Self {
        Self {
            variable,
            problem: problem.into(),
        }
    }
}

/// Where email goes.
#[derive(Debug, Clone)]
pub enum MailTransport {
    /// `CANDOR_SMTP_URL`, e.g. `smtps://user:pass@smtp.example.com`, `smtp://host:587?tls=required`
    /// or `smtp://127.0.0.1:2525` for a local sink. Kept as text: it may hold credentials.
    Smtp(SmtpUrl),
    /// No SMTP configured: each email is written as an .eml file here.
    Files(PathBuf),
}

/// An SMTP URL, whose `Debug` hides credentials.
#[derive(Clone)]
pub struct SmtpUrl(pub String);

impl fmt::Debug for SmtpUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&without_credentials(&self.0))
    }
}

/// The server's HMAC key: it turns emails and client addresses into values that can be matched
/// but not read back (`anonymized_contacts`, sign-in throttling) — never a plain hash.
#[derive(Clone)]
pub struct HmacKey(pub Vec<u8>);

impl HmacKey {
    /// HMAC-SHA256 of `value`, separated by `purpose` so a digest made for one use never matches
    /// one made for another.
    pub fn digest(&self, purpose: &str, value: &str) -> [u8; 32] {
        use hmac::{Mac, SimpleHmac};
        let mut mac = SimpleHmac::<sha2::Sha256>::new_from_slice(&self.0)
            .expect("HMAC takes a key of any length");
        mac.update(purpose.as_bytes());
        mac.update(&[0]);
        mac.update(value.as_bytes());
        mac.finalize().into_bytes().into()
    }
}

impl fmt::Debug for HmacKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("HmacKey(<redacted>)")
    }
}

/// A bearer token, whose `Debug` hides it.
#[derive(Clone, PartialEq, Eq)]
pub struct BearerToken(pub String);

impl fmt::Debug for BearerToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("BearerToken(<redacted>)")
    }
}

impl BearerToken {
    /// Whether an `Authorization` header value carries this token. Digests are compared, so the
    /// time taken says nothing about how much of a guess was right.
    pub fn accepts(&self, authorization: Option<&str>) -> bool {
        use sha2::{Digest, Sha256};
        let Some(given) = authorization.and_then(|v| v.strip_prefix("Bearer ")) else {
            return false;
        };
        Sha256::digest(given.trim().as_bytes()) == Sha256::digest(self.0.as_bytes())
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: DatabaseUrl,
    /// Base of every link in emails, e.g. `https://candor.example.com`.
    pub public_url: Url,
    pub link_keys: KeyRing,
    pub link_ttl: chrono::Duration,
    pub hmac_key: HmacKey,
    pub mail: MailTransport,
    pub mail_from: Mailbox,
    pub site_addr: SocketAddr,
    /// Form posts a client may make per minute (candidate pages are public).
    pub post_limit_per_minute: u32,
    /// Integration API calls one key may make per minute (`CANDOR_API_CALLS_PER_MINUTE`).
    pub api_calls_per_minute: u32,
    pub outbox: OutboxConfig,
    pub session: crate::domain::SessionPolicy,
    pub sign_in_throttle: crate::domain::ThrottlePolicy,
    /// `CANDOR_SWEEP_SCHEDULE=off` leaves the daily retention sweep to other servers (or cron).
    pub sweep_schedule: bool,
    /// `CANDOR_ALERT_SCHEDULE=off` leaves the hourly due-date alert check to other servers.
    pub alert_schedule: bool,
    /// `CANDOR_PSEUDO_LOCALE=on` lets a browser asking for `en-XA` read the candidate pages in
    /// the pseudo-locale (English lengthened by 40 %), to test layouts; off in production.
    pub pseudo_locale: bool,
    /// `CANDOR_TRUSTED_PROXIES`: only peers in these ranges may name the client in
    /// `Forwarded` / `X-Forwarded-For`.
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// `CANDOR_METRICS_TOKEN`: `/metrics` answers only with this bearer token; unset, it is off.
    pub metrics_token: Option<BearerToken>,
    /// `CANDOR_SLOW_CLIENT_SECONDS`: how long a client may take to send its request headers,
    /// and its whole request (four times as long for the application form's upload).
    pub slow_client: std::time::Duration,
    /// `CANDOR_UPLOAD_MB_PER_CLIENT` / `CANDOR_UPLOAD_MB_TOTAL`: résumé bytes stored per day.
    pub upload_quota: crate::domain::application::UploadQuota,
    pub webhooks: WebhooksConfig,
}

/// The webhook deliverer inside `candor serve` (SPEC §11).
#[derive(Debug, Clone, Copy)]
pub struct WebhooksConfig {
    /// `CANDOR_WEBHOOKS_WORKER=off` leaves delivery to other servers.
    pub worker: bool,
    /// `CANDOR_WEBHOOKS_ALLOW_HTTP=1` / `CANDOR_WEBHOOKS_ALLOW_PRIVATE=1`, for development only.
    pub destinations: crate::domain::webhooks::Destinations,
    /// Deliveries in flight at once per worker.
    pub concurrency: usize,
}

impl Default for WebhooksConfig {
    fn default() -> Self {
        Self {
            worker: true,
            destinations: Default::default(),
            concurrency: DEFAULT_WEBHOOK_CONCURRENCY,
        }
    }
}

/// The outbox worker inside `candor serve` (SPEC §8).
#[derive(Debug, Clone, Copy)]
pub struct OutboxConfig {
    /// `CANDOR_OUTBOX_WORKER=off` leaves delivery to other servers.
    pub worker: bool,
    pub retry: crate::domain::RetryPolicy,
    /// Emails sent at once by one worker (each on its own SMTP connection).
    pub concurrency: usize,
}

impl Default for OutboxConfig {
    fn default() -> Self {
        Self {
            worker: true,
            retry: crate::domain::RetryPolicy::default(),
            concurrency: DEFAULT_MAIL_CONCURRENCY,
        }
    }
}

/// A Postgres URL, whose `Debug` hides the password.
#[derive(Clone)]
pub struct DatabaseUrl(pub String);

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&without_credentials(&self.0))
    }
}

/// A URL as safe to log: scheme, host, port and path, never user name, password or query.
fn without_credentials(text: &str) -> String {
    match Url::parse(text) {
        Ok(url) => {
            let port = url.port().map(|p| format!(":{p}")).unwrap_or_default();
            let host = url.host_str().unwrap_or("");
            format!("{}://{host}{port}{}", url.scheme(), url.path())
        }
        Err(_) => "<unparseable url>".to_owned(),
    }
}

pub const DEFAULT_SITE_ADDR: &str = "127.0.0.1:3000";
pub const DEFAULT_MAIL_DIR: &str = "target/mail";
pub const DEFAULT_MAIL_FROM: &str = "Candor <candor@localhost.localdomain>";
pub const DEFAULT_LINK_TTL_DAYS: i64 = 365;
pub const DEFAULT_POST_LIMIT_PER_MINUTE: u32 = 30;
/// One runaway integration can't starve the pages, and a busy sync still has ten calls a second.
pub const DEFAULT_API_CALLS_PER_MINUTE: u32 = 600;
pub const DEFAULT_SLOW_CLIENT_SECONDS: u32 = 30;
pub const DEFAULT_UPLOAD_MB_PER_CLIENT: u32 = 50;
pub const DEFAULT_UPLOAD_MB_TOTAL: u32 = 5_000;
pub const DEFAULT_MAIL_CONCURRENCY: usize = 4;
pub const DEFAULT_WEBHOOK_CONCURRENCY: usize = 16;

impl Config {
    /// Whether Candor is served over https (secure cookies, HSTS).
    pub fn is_https(&self) -> bool {
        self.public_url.scheme() == "https"
    }

    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok().filter(|v| !v.trim().is_empty()))
    }

    /// Reads every variable through `lookup`, so tests need not touch the process environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let database_url = database_url(&lookup)?;

        let site_addr_text = lookup("LEPTOS_SITE_ADDR").unwrap_or_else(|| DEFAULT_SITE_ADDR.into());
        let site_addr: SocketAddr = site_addr_text.trim().parse().map_err(|_| {
            ConfigError::new(
                "LEPTOS_SITE_ADDR",
                "must be an address and port like 127.0.0.1:3000",
            )
        })?;

        let public_url = match lookup("CANDOR_PUBLIC_URL") {
            Some(text) => {
                let url = Url::parse(text.trim()).map_err(|_| {
                    ConfigError::new(
                        "CANDOR_PUBLIC_URL",
                        "must be a URL like https://candor.example.com",
                    )
                })?;
                if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
                    return Err(ConfigError::new(
                        "CANDOR_PUBLIC_URL",
                        "must be an http:// or https:// URL with a host",
                    ));
                }
                url
            }
            None => Url::parse(&format!("http://{site_addr}")).map_err(|_| {
                ConfigError::new(
                    "CANDOR_PUBLIC_URL",
                    "is not set and could not be derived from LEPTOS_SITE_ADDR",
                )
            })?,
        };

        let link_keys = KeyRing::parse(&lookup("CANDOR_LINK_KEYS").ok_or_else(|| {
            ConfigError::new(
                "CANDOR_LINK_KEYS",
                "is required: kid:base64secret[,…] (32+ byte secrets)",
            )
        })?)
        .map_err(|e| ConfigError::new("CANDOR_LINK_KEYS", e.to_string()))?;

        let link_ttl = chrono::Duration::days(i64::from(whole_number(
            &lookup,
            "CANDOR_LINK_TTL_DAYS",
            1..=3650,
            DEFAULT_LINK_TTL_DAYS as u32,
        )?));

        let hmac_text = lookup("CANDOR_HMAC_KEY").ok_or_else(|| {
            ConfigError::new(
                "CANDOR_HMAC_KEY",
                "is required: a base64 secret of 32+ bytes",
            )
        })?;
        let hmac_key = base64::engine::general_purpose::STANDARD
            .decode(hmac_text.trim())
            .map_err(|_| ConfigError::new("CANDOR_HMAC_KEY", "must be base64"))?;
        if hmac_key.len() < 32 {
            return Err(ConfigError::new(
                "CANDOR_HMAC_KEY",
                "must decode to at least 32 bytes",
            ));
        }

        let mail = match lookup("CANDOR_SMTP_URL") {
            Some(text) => {
                let text = text.trim().to_owned();
                lettre::AsyncSmtpTransport::<lettre::Tokio1Executor>::from_url(&text).map_err(|_| {
                    ConfigError::new(
                        "CANDOR_SMTP_URL",
                        "must be an SMTP URL like smtps://user:pass@host, smtp://host:587?tls=required or smtp://127.0.0.1:2525",
                    )
                })?;
                MailTransport::Smtp(SmtpUrl(text))
            }
            None => MailTransport::Files(
                lookup("CANDOR_MAIL_DIR")
                    .unwrap_or_else(|| DEFAULT_MAIL_DIR.into())
                    .trim()
                    .into(),
            ),
        };

        let mail_from = lookup("CANDOR_MAIL_FROM")
            .unwrap_or_else(|| DEFAULT_MAIL_FROM.into())
            .trim()
            .parse::<Mailbox>()
            .map_err(|_| {
                ConfigError::new(
                    "CANDOR_MAIL_FROM",
                    "must be an address like Candor <privacy@example.com>",
                )
            })?;

        let post_limit_per_minute = whole_number(
            &lookup,
            "CANDOR_POST_LIMIT_PER_MINUTE",
            1..=100_000,
            DEFAULT_POST_LIMIT_PER_MINUTE,
        )?;

        let api_calls_per_minute = whole_number(
            &lookup,
            "CANDOR_API_CALLS_PER_MINUTE",
            1..=1_000_000,
            DEFAULT_API_CALLS_PER_MINUTE,
        )?;

        let worker = switch(&lookup, "CANDOR_OUTBOX_WORKER", true)?;
        let sweep_schedule = switch(&lookup, "CANDOR_SWEEP_SCHEDULE", true)?;
        let alert_schedule = switch(&lookup, "CANDOR_ALERT_SCHEDULE", true)?;
        let pseudo_locale = switch(&lookup, "CANDOR_PSEUDO_LOCALE", false)?;
        let default_retry = crate::domain::RetryPolicy::default();
        let outbox = OutboxConfig {
            worker,
            retry: crate::domain::RetryPolicy {
                max_attempts: whole_number(
                    &lookup,
                    "CANDOR_MAIL_MAX_ATTEMPTS",
                    1..=50,
                    default_retry.max_attempts,
                )?,
                ..default_retry
            },
            concurrency: whole_number(
                &lookup,
                "CANDOR_MAIL_CONCURRENCY",
                1..=64,
                DEFAULT_MAIL_CONCURRENCY as u32,
            )? as usize,
        };

        let default_session = crate::domain::SessionPolicy::default();
        let session = crate::domain::SessionPolicy {
            idle: chrono::Duration::minutes(i64::from(whole_number(
                &lookup,
                "CANDOR_SESSION_IDLE_MINUTES",
                5..=1440,
                default_session.idle.num_minutes() as u32,
            )?)),
            absolute: chrono::Duration::hours(i64::from(whole_number(
                &lookup,
                "CANDOR_SESSION_MAX_HOURS",
                1..=720,
                default_session.absolute.num_hours() as u32,
            )?)),
        };

        let trusted_proxies = match lookup("CANDOR_TRUSTED_PROXIES") {
            None => Vec::new(),
            Some(text) => text
                .split(',')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(parse_network)
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| {
                    ConfigError::new(
                        "CANDOR_TRUSTED_PROXIES",
                        "must be a comma-separated list of addresses or CIDR ranges like 10.0.0.0/8,::1",
                    )
                })?,
        };

        let metrics_token = match lookup("CANDOR_METRICS_TOKEN") {
            None => None,
            Some(text) if text.trim().len() >= 16 => Some(BearerToken(text.trim().to_owned())),
            Some(_) => {
                return Err(ConfigError::new(
                    "CANDOR_METRICS_TOKEN",
                    "must be at least 16 characters",
                ))
            }
        };

        let slow_client = std::time::Duration::from_secs(u64::from(whole_number(
            &lookup,
            "CANDOR_SLOW_CLIENT_SECONDS",
            1..=600,
            DEFAULT_SLOW_CLIENT_SECONDS,
        )?));

        let megabytes = |variable, default| -> Result<u64, ConfigError> {
            Ok(u64::from(whole_number(&lookup, variable, 1..=1_000_000, default)?) * 1024 * 1024)
        };
        let upload_quota = crate::domain::application::UploadQuota {
            per_client_bytes: megabytes(
                "CANDOR_UPLOAD_MB_PER_CLIENT",
                DEFAULT_UPLOAD_MB_PER_CLIENT,
            )?,
            total_bytes: megabytes("CANDOR_UPLOAD_MB_TOTAL", DEFAULT_UPLOAD_MB_TOTAL)?,
        };

        let webhooks = WebhooksConfig {
            worker: switch(&lookup, "CANDOR_WEBHOOKS_WORKER", true)?,
            destinations: crate::domain::webhooks::Destinations {
                allow_http: switch(&lookup, "CANDOR_WEBHOOKS_ALLOW_HTTP", false)?,
                allow_private: switch(&lookup, "CANDOR_WEBHOOKS_ALLOW_PRIVATE", false)?,
            },
            concurrency: whole_number(
                &lookup,
                "CANDOR_WEBHOOK_CONCURRENCY",
                1..=256,
                DEFAULT_WEBHOOK_CONCURRENCY as u32,
            )? as usize,
        };

        Ok(Self {
            database_url,
            public_url,
            link_keys,
            link_ttl,
            hmac_key: HmacKey(hmac_key),
            mail,
            mail_from,
            site_addr,
            post_limit_per_minute,
            api_calls_per_minute,
            outbox,
            session,
            sign_in_throttle: crate::domain::ThrottlePolicy::default(),
            sweep_schedule,
            alert_schedule,
            pseudo_locale,
            trusted_proxies,
            metrics_token,
            slow_client,
            upload_quota,
            webhooks,
        })
    }
}

/// `10.0.0.0/8`, or a bare address as its own one-address range.
fn parse_network(text: &str) -> Option<ipnet::IpNet> {
    text.parse::<ipnet::IpNet>().ok().or_else(|| {
        text.parse::<std::net::IpAddr>()
            .ok()
            .map(ipnet::IpNet::from)
    })
}

/// An optional on/off variable.
fn switch(
    lookup: &impl Fn(&str) -> Option<String>,
    variable: &'static str,
    default: bool,
) -> Result<bool, ConfigError> {
    match lookup(variable).map(|v| v.trim().to_ascii_lowercase()) {
        None => Ok(default),
        Some(v) if matches!(v.as_str(), "on" | "true" | "1" | "yes") => Ok(true),
        Some(v) if matches!(v.as_str(), "off" | "false" | "0" | "no") => Ok(false),
        Some(_) => Err(ConfigError::new(variable, "must be on or off")),
    }
}

/// An optional whole-number variable within `range`.
fn whole_number(
    lookup: &impl Fn(&str) -> Option<String>,
    variable: &'static str,
    range: std::ops::RangeInclusive<u32>,
    default: u32,
) -> Result<u32, ConfigError> {
    match lookup(variable) {
        None => Ok(default),
        Some(text) => match text.trim().parse::<u32>() {
            Ok(n) if range.contains(&n) => Ok(n),
            _ => Err(ConfigError::new(
                variable,
                format!(
                    "must be a whole number from {} to {}",
                    range.start(),
                    range.end()
                ),
            )),
        },
    }
}

/// Just `DATABASE_URL`, for subcommands that need nothing else (`migrate`, `create-user`).
pub fn database_url_from_env() -> Result<DatabaseUrl, ConfigError> {
    database_url(&|name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty()))
}

fn database_url(lookup: &impl Fn(&str) -> Option<String>) -> Result<DatabaseUrl, ConfigError> {
    let text = lookup("DATABASE_URL").ok_or_else(|| {
        ConfigError::new(
            "DATABASE_URL",
            "is required, e.g. postgres://candor@127.0.0.1:5432/candor",
        )
    })?;
    let text = text.trim();
    if !(text.starts_with("postgres://") || text.starts_with("postgresql://"))
        || Url::parse(text).is_err()
    {
        return Err(ConfigError::new(
            "DATABASE_URL",
            "must be a postgres:// URL",
        ));
    }
    Ok(DatabaseUrl(text.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn valid() -> HashMap<&'static str, String> {
        let secret = base64::engine::general_purpose::STANDARD.encode([9u8; 32]);
        HashMap::from([
            (
                "DATABASE_URL",
                "postgres://u:secretpw@127.0.0.1:5432/candor".to_owned(),
            ),
            ("CANDOR_LINK_KEYS", format!("k1:{secret}")),
            ("CANDOR_HMAC_KEY", secret),
        ])
    }

    fn load(vars: &HashMap<&'static str, String>) -> Result<Config, ConfigError> {
        Config::from_lookup(|name| vars.get(name).cloned())
    }

    #[test]
    fn defaults_fill_what_is_optional() {
        let config = load(&valid()).unwrap();
        assert_eq!(config.public_url.as_str(), "http://127.0.0.1:3000/");
        assert_eq!(config.link_ttl, chrono::Duration::days(365));
        assert!(
            matches!(config.mail, MailTransport::Files(ref dir) if dir == &PathBuf::from("target/mail"))
        );
        assert_eq!(
            config.mail_from.email.to_string(),
            "candor@localhost.localdomain"
        );
        assert_eq!(config.post_limit_per_minute, DEFAULT_POST_LIMIT_PER_MINUTE);
        assert!(config.outbox.worker);
        assert_eq!(config.outbox.retry.max_attempts, 12);
        assert_eq!(config.outbox.concurrency, DEFAULT_MAIL_CONCURRENCY);
        assert_eq!(config.session, crate::domain::SessionPolicy::default());
        assert!(
            config.trusted_proxies.is_empty(),
            "no proxy is trusted unless named"
        );
        assert!(
            config.metrics_token.is_none(),
            "metrics are off unless a token is set"
        );
    }

    #[test]
    fn trusted_proxies_are_ranges_or_single_addresses() {
        let mut vars = valid();
        vars.insert(
            "CANDOR_TRUSTED_PROXIES",
            " 10.0.0.0/8, 192.0.2.7 ,::1".into(),
        );
        let config = load(&vars).unwrap();
        let shown: Vec<String> = config
            .trusted_proxies
            .iter()
            .map(|n| n.to_string())
            .collect();
        assert_eq!(shown, ["10.0.0.0/8", "192.0.2.7/32", "::1/128"]);
    }

    #[test]
    fn the_metrics_token_is_compared_whole() {
        let token = BearerToken("metrics-token-0123456789".into());
        assert!(token.accepts(Some("Bearer metrics-token-0123456789")));
        assert!(!token.accepts(Some("Bearer metrics-token-012345678")));
        assert!(!token.accepts(Some("metrics-token-0123456789")));
        assert!(!token.accepts(Some("Basic bWV0cmljcw==")));
        assert!(!token.accepts(None));
    }

    #[test]
    fn session_limits_are_read_in_minutes_and_hours() {
        let mut vars = valid();
        vars.insert("CANDOR_SESSION_IDLE_MINUTES", "30".into());
        vars.insert("CANDOR_SESSION_MAX_HOURS", "8".into());
        let config = load(&vars).unwrap();
        assert_eq!(config.session.idle, chrono::Duration::minutes(30));
        assert_eq!(config.session.absolute, chrono::Duration::hours(8));
    }

    #[test]
    fn digests_differ_by_purpose_and_key() {
        let key = HmacKey(vec![1; 32]);
        let same = key.digest("account", "ada@example.com");
        assert_eq!(same, key.digest("account", "ada@example.com"));
        assert_ne!(same, key.digest("client", "ada@example.com"));
        assert_ne!(
            same,
            HmacKey(vec![2; 32]).digest("account", "ada@example.com")
        );
    }

    #[test]
    fn each_bad_variable_is_named() {
        let cases: &[(&str, Option<&str>)] = &[
            ("DATABASE_URL", None),
            ("DATABASE_URL", Some("mysql://x")),
            ("CANDOR_PUBLIC_URL", Some("not a url")),
            ("CANDOR_PUBLIC_URL", Some("ftp://example.com")),
            ("CANDOR_LINK_KEYS", None),
            ("CANDOR_LINK_KEYS", Some("k1:short")),
            ("CANDOR_HMAC_KEY", None),
            ("CANDOR_HMAC_KEY", Some("c2hvcnQ=")),
            ("CANDOR_SMTP_URL", Some("http://example.com")),
            ("CANDOR_MAIL_FROM", Some("not an address")),
            ("LEPTOS_SITE_ADDR", Some("localhost")),
            ("CANDOR_LINK_TTL_DAYS", Some("0")),
            ("CANDOR_POST_LIMIT_PER_MINUTE", Some("0")),
            ("CANDOR_POST_LIMIT_PER_MINUTE", Some("many")),
            ("CANDOR_OUTBOX_WORKER", Some("maybe")),
            ("CANDOR_MAIL_MAX_ATTEMPTS", Some("0")),
            ("CANDOR_MAIL_CONCURRENCY", Some("1000")),
            ("CANDOR_SESSION_IDLE_MINUTES", Some("1")),
            ("CANDOR_SESSION_MAX_HOURS", Some("0")),
            ("CANDOR_TRUSTED_PROXIES", Some("10.0.0.0/8,proxy.internal")),
            ("CANDOR_TRUSTED_PROXIES", Some("10.0.0.0/33")),
            ("CANDOR_METRICS_TOKEN", Some("short")),
            ("CANDOR_SLOW_CLIENT_SECONDS", Some("0")),
            ("CANDOR_UPLOAD_MB_PER_CLIENT", Some("0")),
            ("CANDOR_UPLOAD_MB_TOTAL", Some("lots")),
        ];
        for (variable, value) in cases {
            let mut vars = valid();
            match value {
                Some(v) => vars.insert(variable, (*v).to_owned()),
                None => vars.remove(variable),
            };
            let err = load(&vars).unwrap_err();
            assert_eq!(err.variable, *variable, "{value:?}");
            assert!(err.to_string().starts_with(variable));
        }
    }

    #[test]
    fn secrets_stay_out_of_debug_output() {
        let mut vars = valid();
        vars.insert(
            "CANDOR_SMTP_URL",
            "smtps://mailuser:mailpw@smtp.example.com:465".into(),
        );
        vars.insert("CANDOR_METRICS_TOKEN", "metrics-token-0123456789".into());
        let shown = format!("{:?}", load(&vars).unwrap());
        for secret in [
            "secretpw",
            "mailpw",
            "mailuser",
            &vars["CANDOR_HMAC_KEY"],
            "metrics-token-0123456789",
        ] {
            assert!(!shown.contains(secret), "{secret} leaked into {shown}");
        }
    }
}
