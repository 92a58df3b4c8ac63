//! Keeps the linker's relocations in the wasm binary when the workspaces are
//! split into chunks (feature `split`): wasm-split-cli needs them to move
//! functions between modules. A link argument for the binary only, so no
//! dependency is rebuilt (RUSTFLAGS would rebuild them all).

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    let split = std::env::var_os("CARGO_FEATURE_SPLIT").is_some();
    if wasm && split {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
