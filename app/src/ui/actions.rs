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

/// After `action` succeeds, the page's data reloads in place, and the browser keeps what it held:
/// an open pen, the text typed into its form. This closes the pen and resets the form, so the
/// next use starts afresh (a refused submit keeps both, for a second try).
pub fn reset_after_success<A>(
    action: ServerAction<A>,
    pen: NodeRef<leptos::html::Details>,
    form: NodeRef<leptos::html::Form>,
) where
    A: ServerFn + Clone + Send + Sync + 'static,
    A::Output: Clone + Send + Sync + 'static,
    A::Error: Clone + Send + Sync + 'static,
{
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(_))) {
            if let Some(form) = form.get_untracked() {
                form.reset();
            }
            if let Some(pen) = pen.get_untracked() {
                pen.set_open(false);
            }
        }
    });
}
