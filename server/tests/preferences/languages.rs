//! The candidate's pages in the candidate's language: picked on the page, else stored on the
//! candidate, else the browser's, else the organization's default; `<html lang>` follows.

use crate::common::{
    world::{Candidate, World},
    TestApp,
};
use app::preferences::ChooseLanguage;
use sqlx::PgPool;

/// The candidate's preferences page as a browser asking for `languages` gets it.
async fn page_for(app: &TestApp, world: &World, candidate: &Candidate, languages: &str) -> String {
    let page = app
        .get_with(
            &format!("/preferences/{}", world.link(candidate)),
            &[("accept-language", languages)],
        )
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    page.markup()
}

fn choose(token: &str, language: &str, page: &str) -> ChooseLanguage {
    ChooseLanguage {
        token: token.into(),
        language: language.into(),
        page: Some(page.into()),
    }
}

async fn store_language(pool: &PgPool, email: &str, locale: &str) {
    sqlx::query(
        "UPDATE candidates SET locale = $2
          WHERE id = (SELECT candidate_id FROM candidate_emails WHERE email = $1)",
    )
    .bind(email)
    .bind(locale)
    .execute(pool)
    .await
    .unwrap();
}

async fn organization_speaks(pool: &PgPool, locale: &str) {
    sqlx::query("UPDATE settings SET default_locale = $1")
        .bind(locale)
        .execute(pool)
        .await
        .unwrap();
}

#[sqlx::test(migrations = "../migrations")]
async fn the_browsers_language_is_spoken_when_the_candidate_has_none(pool: PgPool) {
    let app = TestApp::new(pool.clone());
    let world = World::new(pool);
    let anna = world.candidate("anna@example.com").await;
    let html = page_for(&app, &world, &anna, "pt-BR, de-AT;q=0.9, en;q=0.8").await;
    assert!(html.contains(r#"<html lang="de""#), "{html}");
    assert!(
        html.contains("<h1>Ihre Datenschutzeinstellungen</h1>"),
        "{html}"
    );
    assert!(html.contains("Zum Inhalt springen"));
    assert!(html.contains("Meine personenbezogenen Daten löschen"));
    // English stays only where the page has no German to give, which is nowhere.
    assert!(!html.contains("Your data preferences"), "{html}");
}

#[sqlx::test(migrations = "../migrations")]
async fn a_weighted_preference_outranks_the_order_it_was_written_in(pool: PgPool) {
    let app = TestApp::new(pool.clone());
    let world = World::new(pool);
    let anna = world.candidate("anna@example.com").await;
    let html = page_for(&app, &world, &anna, "en;q=0.2, it;q=0.9").await;
    assert!(html.contains(r#"<html lang="it""#));
    assert!(html.contains("Le Sue preferenze sui dati"));
}

#[sqlx::test(migrations = "../migrations")]
async fn the_stored_language_outranks_the_browser_and_the_organization_default_comes_last(
    pool: PgPool,
) {
    let app = TestApp::new(pool.clone());
    let world = World::new(pool.clone());
    let anna = world.candidate("anna@example.com").await;
    let ben = world.candidate("ben@example.com").await;
    store_language(&pool, "anna@example.com", "fr-CA").await;
    organization_speaks(&pool, "nl").await;

    let anna_page = page_for(&app, &world, &anna, "de").await;
    assert!(anna_page.contains(r#"<html lang="fr""#));
    assert!(anna_page.contains("Vos préférences en matière de données"));

    // No stored language and a browser asking for none Candor has: the organization's.
    let ben_page = app
        .get_with(
            &format!("/preferences/{}", world.link(&ben)),
            &[("accept-language", "ja, pl;q=0.5")],
        )
        .await;
    assert!(ben_page.markup().contains(r#"<html lang="nl""#));
    assert!(ben_page.markup().contains("Uw voorkeuren voor uw gegevens"));
}

#[sqlx::test(migrations = "../migrations")]
async fn the_language_picked_on_the_page_is_remembered_over_every_other(pool: PgPool) {
    let app = TestApp::new(pool.clone());
    let world = World::new(pool.clone());
    let anna = world.candidate("anna@example.com").await;
    store_language(&pool, "anna@example.com", "fr").await;
    let token = world.link(&anna);

    // The switcher is a plain form: without JavaScript it answers with the page, in Spanish.
    let answer = app.submit(choose(&token, "es", "preferences"), &[]).await;
    assert_eq!(answer.status, 302, "{}", answer.body);
    let location = answer.header("location").to_owned();
    assert_eq!(
        location,
        format!("/preferences/{token}?notice=language#notice")
    );
    let page = app
        .get_with(
            &location.replace("#notice", ""),
            &[("accept-language", "de")],
        )
        .await;
    let html = page.markup();
    assert!(html.contains(r#"<html lang="es""#), "{html}");
    assert!(
        html.contains("Esta página se muestra ahora en español."),
        "{html}"
    );
    assert!(
        html.contains(r#"<option value="es" lang="es" selected"#),
        "{html}"
    );
    let picked: Option<String> =
        sqlx::query_scalar("SELECT page_locale FROM candidates WHERE id = $1")
            .bind(anna.id.into_uuid())
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(picked.as_deref(), Some("es"));

    // The unsubscribe page follows the same pick, and its own switcher brings you back to it.
    let unsubscribe = app.get(&format!("/unsubscribe/{token}")).await;
    assert!(unsubscribe
        .markup()
        .contains("Dejar de recibir correos sobre futuros puestos"));
    let back = app.submit(choose(&token, "it", "unsubscribe"), &[]).await;
    assert_eq!(
        back.header("location"),
        format!("/unsubscribe/{token}?notice=language#notice")
    );
    assert!(app
        .get(&format!("/unsubscribe/{token}"))
        .await
        .markup()
        .contains(r#"<html lang="it""#));
}

#[sqlx::test(migrations = "../migrations")]
async fn a_language_candor_does_not_have_is_refused_kindly_and_changes_nothing(pool: PgPool) {
    let app = TestApp::new(pool.clone());
    let world = World::new(pool.clone());
    let anna = world.candidate("anna@example.com").await;
    let token = world.link(&anna);
    let answer = app
        .submit(choose(&token, "xx-evil", "preferences"), &[])
        .await;
    assert_eq!(answer.status, 302);
    let page = app.get(answer.header("location")).await;
    assert_eq!(page.status, 200);
    assert!(page
        .markup()
        .contains("This form could not be read, so nothing was changed."));
    let picked: Option<String> = sqlx::query_scalar("SELECT page_locale FROM candidates")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(picked, None);

    // A forged link picks nothing either.
    let forged = app
        .submit(choose("forged.token.here", "de", "preferences"), &[])
        .await;
    assert_eq!(forged.status, 302);
    let page = app.get(forged.header("location")).await;
    assert_eq!(page.status, 400);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_bad_link_and_the_fresh_link_page_speak_the_browsers_language(pool: PgPool) {
    let app = TestApp::new(pool.clone());
    let bad = app
        .get_with("/preferences/not-a-link", &[("accept-language", "nl-BE")])
        .await;
    assert_eq!(bad.status, 400);
    assert!(bad.markup().contains(r#"<html lang="nl""#));
    assert!(bad.markup().contains("Deze link is niet geldig"));
    assert!(bad.markup().contains("Stuur mij een nieuwe link"));

    organization_speaks(&pool, "es").await;
    let fresh = app.get("/fresh-link").await;
    assert_eq!(fresh.status, 200);
    assert!(fresh.markup().contains(r#"<html lang="es""#));
    assert!(fresh.markup().contains("Enviarme un enlace nuevo"));
}

#[sqlx::test(migrations = "../migrations")]
async fn request_dates_are_written_the_candidates_way(pool: PgPool) {
    let app = TestApp::new(pool.clone());
    let world = World::new(pool.clone());
    let anna = world.candidate("anna@example.com").await;
    store_language(&pool, "anna@example.com", "es").await;
    world
        .request(&anna, app::preferences::service::NewRequest::Access)
        .await;
    let html = app
        .get(&format!("/preferences/{}", world.link(&anna)))
        .await
        .markup();
    let today = chrono::Utc::now();
    let month = [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ][chrono::Datelike::month0(&today) as usize];
    let spanish = format!(
        "{} de {month} de {}",
        chrono::Datelike::day(&today),
        chrono::Datelike::year(&today)
    );
    assert!(
        html.contains(&format!("<td>{spanish}</td>")),
        "{spanish} in {html}"
    );
    assert!(html.contains("<td>Acceso</td>") && html.contains("<td>En curso</td>"));
}

#[sqlx::test(migrations = "../migrations")]
async fn a_candidates_emails_speak_their_language_and_the_teams_stay_english(pool: PgPool) {
    use app::domain::{EmailAddress, Role};
    let world = World::new(pool.clone());
    let riley = world.user("Riley Owner", "admin").await;
    let anna = world.candidate("anna@example.com").await;
    world.opportunity(&anna, Some(&riley), 10, None).await;
    store_language(&pool, "anna@example.com", "de").await;
    let organization: String = sqlx::query_scalar("SELECT organization_name FROM settings")
        .fetch_one(&pool)
        .await
        .unwrap();

    world
        .request(&anna, app::preferences::service::NewRequest::Access)
        .await;
    let emails = world.inbox("anna@example.com").await;
    let confirmation = emails
        .iter()
        .find(|e| e.kind == "candidate_confirmation")
        .expect("a confirmation");
    assert_eq!(
        confirmation.subject,
        format!("{organization}: Wir haben Ihre Anfrage erhalten")
    );
    assert!(confirmation
        .body_text
        .contains("Wir haben Ihre Anfrage auf eine Kopie Ihrer personenbezogenen Daten erhalten."));
    assert!(confirmation
        .body_text
        .contains(&format!("{organization} antwortet bis zum ")));
    assert!(confirmation.body_html.contains(r#"<html lang="de">"#));
    // The owner is told in the team's language.
    let alert = &world.inbox(&riley.email).await[0];
    assert!(
        alert.subject.starts_with("Copy of data request"),
        "{}",
        alert.subject
    );

    let request: uuid::Uuid = sqlx::query_scalar("SELECT id FROM data_requests")
        .fetch_one(&pool)
        .await
        .unwrap();
    app::core::requests::decisions::extend(
        &pool,
        &world.config,
        &riley.as_viewer(Role::Admin),
        request,
        2,
        "Ihre Daten liegen in 40 Dateien.",
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    let extension = world
        .inbox("anna@example.com")
        .await
        .into_iter()
        .find(|e| e.kind == "extension_notice")
        .expect("an extension notice");
    assert!(extension
        .subject
        .starts_with("Wir brauchen mehr Zeit für die Antwort auf Ihre Anfrage"));
    assert!(extension
        .body_text
        .contains("Grund: Ihre Daten liegen in 40 Dateien."));

    // A language picked on the page then wins over the stored one, in emails too.
    sqlx::query("UPDATE candidates SET page_locale = 'it'")
        .execute(&pool)
        .await
        .unwrap();
    app::core::fresh_link::queue_fresh_link(
        &pool,
        &world.config,
        &EmailAddress::parse("anna@example.com").unwrap(),
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    let fresh = world
        .inbox("anna@example.com")
        .await
        .into_iter()
        .find(|e| e.kind == "fresh_link")
        .expect("a fresh link");
    assert_eq!(
        fresh.subject,
        format!("Il Suo link alle preferenze sui dati presso {organization}")
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn the_pseudo_locale_is_served_only_where_the_server_allows_it(pool: PgPool) {
    let world = World::new(pool.clone());
    let anna = world.candidate("anna@example.com").await;
    let production = TestApp::new(pool.clone());
    let html = page_for(&production, &world, &anna, "en-XA, de;q=0.5").await;
    assert!(html.contains(r#"<html lang="de""#), "{html}");

    let testing = TestApp::with_config(
        pool.clone(),
        crate::common::config_with(&pool, &[("CANDOR_PSEUDO_LOCALE", "on")]),
    );
    let html = page_for(&testing, &world, &anna, "en-XA").await;
    assert!(html.contains(r#"<html lang="en-XA""#), "{html}");
    assert!(html.contains("Ýöûŕ dàtà pŕéféŕéñçéš"), "{html}");
    // Never stored: a pick of it is refused and changes nothing.
    let answer = testing
        .submit(choose(&world.link(&anna), "en-XA", "preferences"), &[])
        .await;
    let page = testing.get(answer.header("location")).await;
    assert!(page.markup().contains("This form could not be read"));
}
