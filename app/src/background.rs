//! Work `candor serve` repeats in the background (the retention sweep's daily check, the
//! due-date alerts): once at start, then at an interval, until shutdown.

use std::future::Future;
use std::time::Duration;
use tokio::sync::watch;

/// Runs `check` now and then every `interval` until `shutdown` turns true. A failed check is
/// the check's to log; the next one simply tries again.
pub async fn every<F, Fut>(interval: Duration, mut shutdown: watch::Receiver<bool>, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = ()>,
{
    while !*shutdown.borrow() {
        check().await;
        tokio::select! {
            _ = tokio::time::sleep(interval) => {}
            _ = shutdown.changed() => {}
        }
    }
}
