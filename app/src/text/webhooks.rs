//! The webhooks settings page, and the words for each event.

use crate::domain::webhooks::EventType;

pub const WEBHOOKS_TITLE: &str = "Webhooks";
pub const WEBHOOKS_LINK: &str = "Webhooks: tell your other systems what happens";
pub const WEBHOOKS_INTRO: &str = "Candor tells the systems you name here, at once, when a candidate asks for their data, changes consent or stops contact, and when a candidate is marked for deletion or anonymized. Each event holds ids, kinds, states and times only — never a name or an address — and is signed with the endpoint's secret per the Standard Webhooks scheme. The receiving system reads the details through the integration API.";
pub const NEW_WEBHOOK: &str = "New endpoint";
pub const CREATE_WEBHOOK: &str = "Add endpoint";
pub const NO_WEBHOOKS: &str = "There are no endpoints yet.";
pub const REVEALED_SECRET_HELP: &str = "Copy it now into the receiving system's configuration: this is the only time Candor shows it. It verifies the webhook-signature header with the Standard Webhooks libraries. Lost, it can't be recovered; rotate it to get a new one.";
pub const WEBHOOK_SECRET_LABEL: &str = "Signing secret";
pub const WEBHOOK_EVENTS: &str = "Events";
pub const WEBHOOK_STATE: &str = "State";
pub const WEBHOOK_ON: &str = "On";
pub const WEBHOOK_OFF: &str = "Off";
pub const WEBHOOK_OFF_FAILING: &str = "Off: turned off by Candor after failing for days";
pub const RECENT_DELIVERIES: &str = "Last deliveries";
pub const NO_DELIVERIES: &str = "Nothing sent yet.";
pub const DELIVERY_EVENT: &str = "Event";
pub const DELIVERY_STATUS: &str = "Status";
pub const DELIVERY_ATTEMPTS: &str = "Attempts";
pub const DELIVERY_ANSWER: &str = "Receiver's answer";
pub const DELIVERY_QUEUED: &str = "Queued";
pub const SEND_TEST: &str = "Send a test event";
pub const ROTATE_SECRET: &str = "Rotate secret";
pub const TURN_OFF: &str = "Turn off";
pub const TURN_ON: &str = "Turn on";
pub const REMOVE_WEBHOOK: &str = "Remove";

pub fn revealed_secret_heading(url: &str) -> String {
    format!("The signing secret for {url}")
}

pub fn endpoint_heading(url: &str) -> String {
    format!("Endpoint {url}")
}

pub fn failing_since(date: &str) -> String {
    format!("Failing since {date}.")
}

pub fn old_secret_until(date: &str) -> String {
    format!("The previous secret also signs until {date}.")
}

pub fn delivery_status(status: &str) -> &'static str {
    match status {
        "pending" => "Waiting to retry",
        "sending" => "Sending",
        "delivered" => "Delivered",
        "failed" => "Failed",
        _ => "Unknown",
    }
}

pub fn event_label(event: EventType) -> &'static str {
    match event {
        EventType::DataRequestCreated => "A data request was made",
        EventType::DataRequestExtended => "A data request's deadline was extended",
        EventType::DataRequestRefused => "A data request was refused",
        EventType::DataRequestResolved => "A data request was resolved",
        EventType::DataRequestWithdrawn => "A data request was withdrawn",
        EventType::DataRequestOverdue => "A data request became overdue",
        EventType::ConsentChanged => "A consent decision was recorded",
        EventType::ContactRevoked => "A candidate stopped contact",
        EventType::CandidateMarkedForDeletion => "A candidate was marked for deletion",
        EventType::CandidateAnonymized => "A candidate was anonymized",
    }
}

pub fn webhook_notice(code: &str) -> &'static str {
    match code {
        "webhook-created" => "Endpoint added. Copy its secret below.",
        "webhook-rotated" => "New secret made. The previous one keeps signing for 24 hours.",
        "webhook-tested" => "Test event queued: it appears under the endpoint's last deliveries.",
        "webhook-on" => "Endpoint turned on: waiting events go now.",
        "webhook-off" => "Endpoint turned off: events wait until it is on again.",
        "webhook-removed" => "Endpoint removed.",
        _ => "Saved.",
    }
}
