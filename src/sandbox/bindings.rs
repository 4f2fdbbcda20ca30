//! Host bindings generated from the guest's WIT world (`guest/wit/`), the
//! one contract between Backlab and the code inside the sandbox.

wasmtime::component::bindgen!({
    world: "handler",
    path: "guest/wit",
    imports: { default: trappable },
});
