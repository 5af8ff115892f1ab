// `sqlx::migrate!` embeds the migrations when this crate compiles, and cargo doesn't know it read
// them: without this, a new migration file left a build without it.
fn main() {
    println!("cargo:rerun-if-changed=../migrations");
}
