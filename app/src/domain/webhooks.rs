//! Webhooks (SPEC §11): the events Candor tells other systems of, where it may send them, and
//! how patiently it retries. Pure rules; `core::webhooks` carries them out.

use super::preferences::{Field, FieldError, Problem};
use super::{text_enum, AfterFailure};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
// `core::net`: the address as a value; nothing here resolves or connects.
use core::net::IpAddr;

/// What an endpoint can subscribe to. Payloads hold ids, kinds, states and times only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EventType {
    DataRequestCreated,
    DataRequestExtended,
    DataRequestRefused,
    DataRequestResolved,
    DataRequestWithdrawn,
    DataRequestOverdue,
    ConsentChanged,
    ContactRevoked,
    CandidateMarkedForDeletion,
    CandidateAnonymized,
}
text_enum!(EventType {
    DataRequestCreated => "data_request.created",
    DataRequestExtended => "data_request.extended",
    DataRequestRefused => "data_request.refused",
    DataRequestResolved => "data_request.resolved",
    DataRequestWithdrawn => "data_request.withdrawn",
    DataRequestOverdue => "data_request.overdue",
    ConsentChanged => "consent.changed",
    ContactRevoked => "contact.revoked",
    CandidateMarkedForDeletion => "candidate.marked_for_deletion",
    CandidateAnonymized => "candidate.anonymized",
});

/// Only Super Admins manage webhooks: an endpoint hears of every candidate.
pub fn manages_webhooks(role: super::Role) -> bool {
    role == super::Role::SuperAdmin
}

/// The event "send a test event" sends: to the one endpoint asked, whatever it subscribes to.
pub const TEST_EVENT: &str = "webhook.test";

/// The prefix of a signing secret, as the Standard Webhooks libraries expect it.
pub const SECRET_PREFIX: &str = "whsec_";

/// How long the old secret keeps signing after a rotation, so receivers can switch over.
pub const ROTATION_OVERLAP: Duration = Duration::hours(24);

/// The receiver must answer within this.
pub const DELIVERY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// An endpoint failing without a single success this long is turned off, and the admins told.
pub const DISABLE_AFTER: Duration = Duration::days(5);

/// The waits after each failed attempt: about three days in all (3 d 0 h 36 min 5 s), then the
/// delivery is failed. Frequent at first, when most outages end, then a few times a day.
pub const RETRY_WAITS: [Duration; 10] = [
    Duration::seconds(5),
    Duration::minutes(1),
    Duration::minutes(5),
    Duration::minutes(30),
    Duration::hours(2),
    Duration::hours(5),
    Duration::hours(10),
    Duration::hours(14),
    Duration::hours(17),
    Duration::hours(24),
];

/// What follows failed attempt number `attempt` (1 for the first). `jitter` in `[0, 1)` adds up
/// to a tenth to the wait, so deliveries failing together in an outage come back spread out.
pub fn after_failure(attempt: u32, jitter: f64, now: DateTime<Utc>) -> AfterFailure {
    let Some(wait) = usize::try_from(attempt)
        .ok()
        .and_then(|a| a.checked_sub(1))
        .and_then(|i| RETRY_WAITS.get(i))
    else {
        return AfterFailure::GiveUp;
    };
    let extra = wait.num_milliseconds() as f64 * jitter.clamp(0.0, 1.0) / 10.0;
    AfterFailure::RetryAt(now + *wait + Duration::milliseconds(extra as i64))
}

/// Attempts in all, the first included.
pub const MAX_ATTEMPTS: u32 = RETRY_WAITS.len() as u32 + 1;

/// Whether an endpoint failing since `failing_since` has failed long enough to be turned off.
pub fn should_disable(failing_since: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    failing_since.is_some_and(|since| now - since >= DISABLE_AFTER)
}

/// Whether a receiver's answer means "received".
pub fn is_success(status: u16) -> bool {
    (200..300).contains(&status)
}

/// Where deliveries may go: https only, and only to public addresses, unless the operator
/// allows otherwise for development (`CANDOR_WEBHOOKS_ALLOW_HTTP`, `…_ALLOW_PRIVATE`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Destinations {
    pub allow_http: bool,
    pub allow_private: bool,
}

impl Destinations {
    /// Whether the scheme is one deliveries may use.
    pub fn scheme_allowed(self, scheme: &str) -> bool {
        scheme == "https" || (self.allow_http && scheme == "http")
    }

    /// Whether a delivery may connect to `ip`. Checked on every resolved address, at every
    /// delivery: a name that pointed outside yesterday may point inside today.
    pub fn address_allowed(self, ip: IpAddr) -> bool {
        self.allow_private || is_public(ip)
    }
}

/// An address on the public internet: not loopback, private, link-local, shared (CGNAT),
/// unspecified, multicast, broadcast, documentation or reserved, in IPv4 or IPv6 (an IPv4
/// address mapped into IPv6 is judged as itself).
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            !(v4.is_private()
                || v4.is_loopback()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_documentation()
                || v4.is_multicast()
                || a == 0
                || (a == 100 && (64..128).contains(&b))
                || (a == 192 && b == 0 && c == 0)
                || (a == 198 && (b == 18 || b == 19))
                || a >= 240)
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public(IpAddr::V4(v4));
            }
            let first = v6.segments()[0];
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || v6.is_unique_local()
                || v6.is_unicast_link_local()
                // Documentation (2001:db8::/32), and the deprecated site-local fec0::/10.
                || (first == 0x2001 && v6.segments()[1] == 0x0db8)
                || (first & 0xffc0) == 0xfec0
                // IPv4-compatible and NAT64 forms carry an IPv4 address we would not check.
                || v6.segments()[..6].iter().all(|s| *s == 0)
                || (first == 0x0064 && v6.segments()[1] == 0xff9b))
        }
    }
}

/// The new-endpoint form as posted: the URL and a checkbox per event (`events[<type>]`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WebhookForm {
    #[serde(rename = "webhook_url")]
    pub url: String,
    pub events: BTreeMap<String, String>,
}

/// A valid endpoint to create: the URL as given (checked again at each delivery) and its events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEndpoint {
    pub url: String,
    pub events: Vec<EventType>,
}

impl NewEndpoint {
    /// `url_ok` is the caller's check of the URL against [`Destinations`] (it needs a URL parser
    /// the browser bundle doesn't carry).
    pub fn parse(form: &WebhookForm, url_ok: impl Fn(&str) -> bool) -> Result<Self, FieldError> {
        let url = Field::WebhookUrl.required_text(&form.url)?;
        if !url_ok(&url) {
            return Err(Field::WebhookUrl.error(Problem::Invalid));
        }
        let ticked = |value: &String| !value.is_empty();
        let mut events = Vec::new();
        for (name, value) in &form.events {
            let event = name
                .parse::<EventType>()
                .map_err(|_| Field::WebhookEvents.error(Problem::Invalid))?;
            if ticked(value) && !events.contains(&event) {
                events.push(event);
            }
        }
        if events.is_empty() {
            return Err(Field::WebhookEvents.error(Problem::Required));
        }
        events.sort();
        Ok(NewEndpoint { url, events })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 2, 9, 0, 0).unwrap()
    }

    fn wait(attempt: u32) -> Option<Duration> {
        match after_failure(attempt, 0.0, now()) {
            AfterFailure::RetryAt(at) => Some(at - now()),
            AfterFailure::GiveUp => None,
        }
    }

    #[test]
    fn retries_span_about_three_days_then_give_up() {
        assert_eq!(wait(1), Some(Duration::seconds(5)));
        assert_eq!(wait(2), Some(Duration::minutes(1)));
        let total: Duration = (1..MAX_ATTEMPTS).map(|a| wait(a).unwrap()).sum();
        assert!(total > Duration::days(3) - Duration::hours(2), "{total}");
        assert!(total < Duration::days(3) + Duration::hours(2), "{total}");
        assert_eq!(wait(MAX_ATTEMPTS), None);
        assert_eq!(wait(0), None);
    }

    #[test]
    fn jitter_adds_at_most_a_tenth() {
        let AfterFailure::RetryAt(at) = after_failure(4, 0.999, now()) else {
            panic!("gave up")
        };
        let waited = at - now();
        assert!(waited > Duration::minutes(30) && waited < Duration::minutes(33));
    }

    #[test]
    fn an_endpoint_is_disabled_after_five_days_of_failure_only() {
        assert!(!should_disable(None, now()));
        assert!(!should_disable(Some(now() - Duration::days(4)), now()));
        assert!(should_disable(Some(now() - Duration::days(5)), now()));
    }

    #[test]
    fn private_loopback_and_link_local_addresses_are_not_public() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "255.255.255.255",
            "::1",
            "::",
            "fe80::1",
            "fc00::1",
            "fd12::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "64:ff9b::a00:1",
            "::127.0.0.1",
            "2001:db8::1",
        ] {
            assert!(!is_public(ip.parse().unwrap()), "{ip} counted as public");
        }
        for ip in [
            "93.184.216.34",
            "1.1.1.1",
            "2606:4700::1111",
            "::ffff:1.1.1.1",
        ] {
            assert!(is_public(ip.parse().unwrap()), "{ip} counted as private");
        }
    }

    #[test]
    fn the_operator_can_allow_http_and_private_destinations() {
        let strict = Destinations::default();
        assert!(strict.scheme_allowed("https"));
        assert!(!strict.scheme_allowed("http"));
        assert!(!strict.address_allowed("127.0.0.1".parse().unwrap()));
        let dev = Destinations {
            allow_http: true,
            allow_private: true,
        };
        assert!(dev.scheme_allowed("http"));
        assert!(!dev.scheme_allowed("ftp"));
        assert!(dev.address_allowed("127.0.0.1".parse().unwrap()));
    }

    fn form(url: &str, events: &[&str]) -> WebhookForm {
        WebhookForm {
            url: url.into(),
            events: events
                .iter()
                .map(|e| (e.to_string(), "on".into()))
                .collect(),
        }
    }

    #[test]
    fn an_endpoint_needs_an_acceptable_url_and_an_event() {
        let ok = |_: &str| true;
        let parsed = NewEndpoint::parse(
            &form(
                "https://ats.example/hooks",
                &["consent.changed", "data_request.created"],
            ),
            ok,
        )
        .unwrap();
        assert_eq!(
            parsed.events,
            vec![EventType::DataRequestCreated, EventType::ConsentChanged]
        );
        assert_eq!(
            NewEndpoint::parse(&form("", &["consent.changed"]), ok).unwrap_err(),
            Field::WebhookUrl.error(Problem::Required)
        );
        assert_eq!(
            NewEndpoint::parse(&form("http://10.0.0.1/", &["consent.changed"]), |_| false)
                .unwrap_err(),
            Field::WebhookUrl.error(Problem::Invalid)
        );
        assert_eq!(
            NewEndpoint::parse(&form("https://ats.example/", &[]), ok).unwrap_err(),
            Field::WebhookEvents.error(Problem::Required)
        );
        assert_eq!(
            NewEndpoint::parse(&form("https://ats.example/", &["user.deleted"]), ok).unwrap_err(),
            Field::WebhookEvents.error(Problem::Invalid)
        );
    }
}
