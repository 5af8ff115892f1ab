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

/// How long a supervisor waits before restarting a task that died: `first`, doubling to `max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    pub first: Duration,
    pub max: Duration,
}

impl Default for Backoff {
    fn default() -> Self {
        Self {
            first: Duration::from_secs(1),
            max: Duration::from_secs(60),
        }
    }
}

/// Runs the task `start` makes until `shutdown`; if it panics or ends early it is logged and
/// started again after a growing pause, so a background worker is never silently gone. The
/// task gets its own view of `shutdown` and should return soon after it turns true.
pub async fn supervise<F, Fut>(
    name: &'static str,
    shutdown: watch::Receiver<bool>,
    backoff: Backoff,
    mut start: F,
) where
    F: FnMut(watch::Receiver<bool>) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let mut wait = backoff.first;
    loop {
        let began = tokio::time::Instant::now();
        let outcome = tokio::spawn(start(shutdown.clone())).await;
        if *shutdown.borrow() {
            return;
        }
        match outcome {
            Err(error) if error.is_panic() => {
                tracing::error!(task = name, "background task panicked; restarting it")
            }
            Err(_) => tracing::error!(task = name, "background task was cancelled; restarting it"),
            Ok(()) => tracing::error!(task = name, "background task stopped; restarting it"),
        }
        // A task that ran a good while before dying starts over from the shortest pause.
        if began.elapsed() > backoff.max {
            wait = backoff.first;
        }
        let mut shutdown = shutdown.clone();
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            _ = shutdown.changed() => return,
        }
        wait = (wait * 2).min(backoff.max);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    #[tokio::test]
    async fn a_task_that_panics_or_stops_is_started_again_until_shutdown() {
        let starts = Arc::new(AtomicUsize::new(0));
        let (stop, shutdown) = watch::channel(false);
        let backoff = Backoff {
            first: Duration::from_millis(5),
            max: Duration::from_millis(20),
        };
        let counted = starts.clone();
        let supervisor = tokio::spawn(supervise("test", shutdown, backoff, move |mut shutdown| {
            let n = counted.fetch_add(1, Ordering::SeqCst);
            async move {
                match n {
                    0 => panic!("killed"),
                    1 => {} // returns early, as a task that lost its loop would
                    _ => {
                        let _ = shutdown.wait_for(|stop| *stop).await;
                    }
                }
            }
        }));
        // Generous: a panic's backtrace is slow to capture on a loaded machine.
        let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
        while starts.load(Ordering::SeqCst) < 3 {
            assert!(tokio::time::Instant::now() < deadline, "the task came back");
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        stop.send(true).unwrap();
        tokio::time::timeout(Duration::from_secs(5), supervisor)
            .await
            .expect("the supervisor ends with the shutdown")
            .unwrap();
        assert_eq!(
            starts.load(Ordering::SeqCst),
            3,
            "no restart after shutdown"
        );
    }
}
