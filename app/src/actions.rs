//! What every page with server-function forms does with their outcomes.

use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// Shows each outcome of `action` as the page's notice (made by `notice`), and counts the
/// successes, which the page's data reloads on: after a refusal the form keeps what was typed.
pub fn follow_action<A, N>(
    action: ServerAction<A>,
    latest: RwSignal<Option<N>>,
    successes: RwSignal<u32>,
    notice: fn(Result<A::Output, AppError>) -> N,
) where
    A: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    A::Output: Clone + Send + Sync + 'static,
    N: Send + Sync + 'static,
{
    Effect::new(move |_| {
        if let Some(result) = action.value().get() {
            if result.is_ok() {
                successes.update(|n| *n += 1);
            }
            latest.set(Some(notice(result)));
        }
    });
}
