//! The program inside Backlab's sandbox: a QuickJS runtime that loads the
//! framework (the prelude: evaluated by `prepare` before the host snapshots
//! the instance, or sent as bytecode with each request), then the learner's
//! file, then answers one request against the scratch database, which lives
//! here too.
//! Everything a learner touches (`app`, `req`, `res`, `db.prepare`, …) is
//! JavaScript in the prelude, so the framework can change without
//! rebuilding this guest.

mod bridge;
mod database;
mod digest;
mod entropy;
mod etag;
mod js;
mod password;
mod preview;
mod sql;

use rquickjs::{Context, Module, Runtime, module::WriteOptions};

wit_bindgen::generate!({ world: "guest", path: "wit" });

use bridge::Scratch;
use database::Database;

struct Sandbox;

impl Guest for Sandbox {
    fn compile_prelude(source: String) -> Result<Vec<u8>, JsError> {
        let runtime = Runtime::new().map_err(|e| js::internal(&e))?;
        let context = Context::full(&runtime).map_err(|e| js::internal(&e))?;
        context.with(|ctx| {
            let module = Module::declare(ctx.clone(), js::PRELUDE_NAME, source)
                .map_err(|e| js::caught_raw(&ctx, e))?;
            let options = WriteOptions {
                strip_source: true,
                strip_debug: true,
                ..WriteOptions::default()
            };
            module.write(options).map_err(|e| js::caught_raw(&ctx, e))
        })
    }

    fn prepare(mut prelude: Vec<u8>, database_pages: u32) -> Result<(), String> {
        Database::open_ahead(database_pages).map_err(|e| format!("the scratch database: {e}"))?;
        let loaded = js::prepare(&prelude)
            .map_err(|e| format!("the prelude did not load: {}: {}\n{}", e.name, e.message, e.stack));
        // Freed memory is part of the snapshot too: zeroed, it adds nothing
        // to the memory image every request starts from.
        prelude.fill(0);
        loaded
    }

    fn compile(code: String, filename: String) -> Result<Vec<u8>, JsError> {
        js::compile_to_bytecode(&code, &filename)
    }

    fn handle(mut program: Program, request: Request, database: Vec<u8>) -> Outcome {
        bridge::DATABASE.set(Some(Scratch::Image {
            image: database,
            max_pages: program.limits.database_pages,
        }));
        bridge::LIMITS.set(Some(program.limits));
        bridge::ENV.set(std::mem::take(&mut program.env));
        bridge::SERVICES.set(std::mem::take(&mut program.services));
        let (response, failure) = js::answer(&program, request);
        let (rolled_back, database) = match bridge::DATABASE.take() {
            Some(Scratch::Open(db)) => {
                let rolled_back = db.end_open_transaction();
                let database = db.changed().then(|| db.image());
                // The host throws this whole instance away after one
                // request, so closing the database is wasted work.
                std::mem::forget(db);
                (rolled_back, database)
            }
            // Never opened: the host's image is the database as it was.
            _ => (false, None),
        };
        Outcome {
            response,
            failure,
            database,
            rolled_back,
            compiled: js::take_written(),
        }
    }

    fn run_sql(sql: String, database: Vec<u8>, limits: Limits) -> StatementOutcome {
        let db = Scratch::open(database, limits.database_pages);
        let result = sql::run(&db, &sql, &limits);
        let database = db.changed().then(|| db.image());
        std::mem::forget(db);
        StatementOutcome {
            answer: result,
            database,
        }
    }
}

export!(Sandbox);
