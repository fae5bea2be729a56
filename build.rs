//! Records a build identifier (the git commit when available) for the page footer and exports.
use std::process::Command;

fn main() {
    let id = std::env::var("STORYSAFE_BUILD").ok().filter(|s| !s.is_empty()).or_else(|| {
        let out = Command::new("git").args(["rev-parse", "--short=10", "HEAD"]).output().ok()?;
        out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
    });
    println!("cargo:rustc-env=STORYSAFE_BUILD={}", id.unwrap_or_else(|| "dev".into()));
    println!("cargo:rerun-if-env-changed=STORYSAFE_BUILD");
    println!("cargo:rerun-if-changed=.git/HEAD");
    println!("cargo:rerun-if-changed=.git/refs/heads");
}
