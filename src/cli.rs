//! The command line: `serve` (the default) serves the course in the browser,
//! `run` tries a handler file, `grade` grades one against an exercise,
//! `check` validates a course, `new` starts an exercise, `watch` grades a
//! file on every save.
//! Every subcommand's help text is its doc comment.

/// `print!` to standard output, except that a reader that has gone away
/// (`backlab run app.js | head -3`) ends Backlab quietly instead of a panic.
macro_rules! out {
    ($($arg:tt)*) => { $crate::cli::write_out(format_args!($($arg)*)) };
}

/// `println!` the same way.
macro_rules! outln {
    ($($arg:tt)*) => { $crate::cli::write_out(format_args!("{}\n", format_args!($($arg)*))) };
}

mod check;
mod class;
mod grade;
mod new;
mod report;
mod run;
mod serve;
mod watch;

use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand};

use crate::catalog::{Catalog, Files};

/// Backlab: learn back-end development by doing it.
#[derive(Debug, Parser)]
#[command(name = "backlab", version, about, long_about = None, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Where Backlab keeps its data (progress, the compiled sandbox).
    /// Defaults to the platform's data directory, or $BACKLAB_DATA_DIR.
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// With no command, Backlab serves the course: `backlab serve`.
    #[command(subcommand)]
    pub command: Option<Command>,

    /// `backlab --port 4001` is `backlab serve --port 4001`.
    #[command(flatten)]
    pub serve: ServeArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the course in your browser at http://127.0.0.1:4000 (the default).
    Serve(ServeArgs),
    /// Run a handler file against a database with one request, and print the
    /// response, the SQL it ran, its logs and the verdict.
    Run(RunArgs),
    /// Grade your file against an exercise's tests and show what passed,
    /// what did not, and why.
    Grade(GradeArgs),
    /// Check a course folder (lessons/ and exercises/): every file, every
    /// link, and every reference solution, starter and mutant run for real.
    Check(CheckArgs),
    /// Start a new exercise folder (or, with `new lesson`, a lesson) that
    /// already passes `backlab check`.
    New(NewArgs),
    /// Grade your file again every time you save it, in your own editor;
    /// passes count on the course page too.
    Watch(WatchArgs),
    /// Serve the course to a whole class: sign-in, assignments, a live
    /// dashboard and a gradebook for the instructor.
    Class(ClassArgs),
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  backlab class --listen 0.0.0.0:4000 --public-url http://192.168.1.20:4000\n  backlab class --listen 127.0.0.1:4000 --public-url https://class.example.org --behind-proxy \\\n      --database postgres://backlab:PASSWORD@db.example.org/backlab --content ./my-course"
)]
pub struct ClassArgs {
    /// The address to listen on: 0.0.0.0:4000 for every network of this
    /// machine, 127.0.0.1:4000 behind a reverse proxy on the same machine.
    #[arg(long, default_value = "127.0.0.1:4000", value_name = "IP:PORT")]
    pub listen: String,
    /// Where learners reach the class, e.g. https://class.example.org.
    /// Join links start with it, and requests for any other address are
    /// refused. Needed when listening on 0.0.0.0.
    #[arg(long, value_name = "URL")]
    pub public_url: Option<String>,
    /// Where the class is stored: a SQLite file (the default is class.db in
    /// Backlab's data folder), or postgres://USER:PASSWORD@HOST/DB so
    /// several servers share one class.
    #[arg(long, value_name = "FILE|URL")]
    pub database: Option<String>,
    /// Serve the course in this folder instead of the built-in one.
    #[arg(long, value_name = "DIR")]
    pub content: Option<PathBuf>,
    /// The instructor's email, for the first join link.
    #[arg(long, default_value = "instructor", value_name = "EMAIL")]
    pub instructor: String,
    /// Backlab runs behind a reverse proxy that sets X-Forwarded-For
    /// (sign-in limits then count per client, not per proxy).
    #[arg(long)]
    pub behind_proxy: bool,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The port to listen on, on 127.0.0.1.
    #[arg(long, default_value_t = 4000)]
    pub port: u16,
    /// Serve the course in this folder instead of the built-in one; pages
    /// follow edits to its files.
    #[arg(long, value_name = "DIR")]
    pub content: Option<PathBuf>,
    /// Open the course in your web browser once the server is listening.
    #[arg(long)]
    pub open: bool,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Example:\n  backlab grade hello-route app.js\n  backlab grade my-exercise solution.js --content ./my-course --json"
)]
pub struct GradeArgs {
    /// The exercise's id (its folder name), e.g. hello-route.
    pub exercise: String,
    /// Your code: a .js file (or .sql for SQL exercises).
    pub file: PathBuf,
    /// A course folder to take the exercise from. Without it: the folder
    /// you are in when it holds lessons/ or exercises/, else the built-in course.
    #[arg(long, value_name = "DIR")]
    pub content: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Show hidden tests in full even when they fail (for authors).
    #[arg(long)]
    pub reveal_hidden: bool,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  backlab watch hello-route              (writes hello-route.js from the starter if it is not there)\n  backlab watch select-basics query.sql"
)]
pub struct WatchArgs {
    /// The exercise's id (its folder name), e.g. hello-route.
    pub exercise: String,
    /// Your code. Defaults to <exercise>.js (or .sql) in this folder, which
    /// Backlab fills with the starter code when it does not exist yet.
    pub file: Option<PathBuf>,
    /// A course folder to take the exercise from instead of the built-in one.
    #[arg(long, value_name = "DIR")]
    pub content: Option<PathBuf>,
    /// Grade once and stop (exit 0 on pass), instead of watching.
    #[arg(long)]
    pub once: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The course folder, holding lessons/ and exercises/.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// For exercises still being written: list the generated mutants that
    /// no test catches, without counting them as problems.
    #[arg(long)]
    pub draft: bool,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  backlab new list-notes --track databases --lesson select\n  backlab new top-scores --language sql --title \"The top scores\"\n  backlab new lesson joins --track databases"
)]
pub struct NewArgs {
    /// `lesson` to start a lesson, or `exercise` (the default, which may be
    /// left out) for an exercise folder.
    #[arg(value_name = "[lesson|exercise] ID", num_args = 1..=2, required = true)]
    pub words: Vec<String>,
    /// The course folder to add it to.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub content: PathBuf,
    /// foundations, servers, databases, apis, security or capstone.
    #[arg(long, default_value = "servers")]
    pub track: String,
    /// js (a handler) or sql (a query); exercises only.
    #[arg(long, default_value = "js")]
    pub language: String,
    /// The title learners see; by default made from the id ("top-scores"
    /// becomes "Top scores").
    #[arg(long)]
    pub title: Option<String>,
    /// For an exercise: the lesson that leads to it. The exercise names the
    /// lesson, and the lesson's list of exercises gains the new one.
    #[arg(long, value_name = "LESSON_ID")]
    pub lesson: Option<String>,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Example:\n  backlab run app.js --schema schema.sql --seed seed.sql GET /todos\n  backlab run app.js POST /todos -d '{\"title\":\"milk\"}'"
)]
pub struct RunArgs {
    /// The JavaScript file with your routes (it uses `app` and `db`).
    pub file: PathBuf,
    /// The HTTP method.
    #[arg(default_value = "GET")]
    pub method: String,
    /// The path, with a query string if you like: /todos?done=1
    #[arg(default_value = "/")]
    pub path: String,
    /// SQL that creates the tables.
    #[arg(long, value_name = "FILE")]
    pub schema: Option<PathBuf>,
    /// SQL that fills them.
    #[arg(long, value_name = "FILE")]
    pub seed: Option<PathBuf>,
    /// A request header, `Name: value`; repeat for more.
    #[arg(short = 'H', long = "header", value_name = "HEADER")]
    pub headers: Vec<String>,
    /// The request body; `@file` reads it from a file. JSON bodies get
    /// `Content-Type: application/json`, `a=1&b=2` bodies a form type,
    /// unless you set one with -H.
    #[arg(short = 'd', long = "data", value_name = "BODY")]
    pub body: Option<String>,
    /// Print the whole outcome as JSON.
    #[arg(long)]
    pub json: bool,
    /// Use the fixed clock and seeded randomness of grading.
    #[arg(long)]
    pub replayable: bool,
    /// Time limit for the request, in milliseconds.
    #[arg(long, value_name = "MS")]
    pub timeout_ms: Option<u64>,
    /// A configuration value the app reads as `process.env.NAME`; repeat
    /// for more.
    #[arg(short = 'e', long = "env", value_name = "NAME=VALUE")]
    pub env: Vec<String>,
    /// The client's address, as `req.ip` sees it (default 127.0.0.1).
    #[arg(long, value_name = "ADDRESS")]
    pub ip: Option<std::net::IpAddr>,
}

/// Writes to standard output. When the reader has closed the pipe there is
/// no one left to tell, so Backlab stops with success; other write failures
/// (a full disk behind a redirect) stop it with an error.
pub(crate) fn write_out(text: std::fmt::Arguments<'_>) {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    match out.write_fmt(text).and_then(|()| out.flush()) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => {
            eprintln!("backlab: cannot write the output: {e}");
            std::process::exit(2);
        }
    }
}

/// Runs the parsed command; the result is the process's exit code.
pub fn execute(cli: Cli) -> anyhow::Result<u8> {
    let data_dir = data_dir(cli.data_dir);
    match cli.command.unwrap_or(Command::Serve(cli.serve)) {
        Command::Serve(args) => serve::serve(&args, &data_dir),
        Command::Run(args) => run::run(&args, &data_dir),
        Command::Grade(args) => grade::grade(&args, &data_dir),
        Command::Check(args) => check::check(&args, &data_dir),
        Command::New(args) => new::new(&args),
        Command::Watch(args) => watch::watch(&args, &data_dir),
        Command::Class(args) => class::class(&args, &data_dir),
    }
}

/// The course in `dir`, or the one built into Backlab.
fn load_course(dir: Option<&Path>) -> anyhow::Result<Catalog> {
    let loaded = match dir {
        Some(dir) => Catalog::load_dir(dir),
        None => Catalog::load(&Files::builtin())
            .map_err(|problems| problems.iter().map(ToString::to_string).collect()),
    };
    loaded.map_err(|problems| {
        anyhow::anyhow!(
            "the course has problems (run `backlab check` on it):\n{}",
            problems.join("\n")
        )
    })
}

/// The sandbox, with its compiled guest cached in the data dir.
fn sandbox(data_dir: &Path) -> anyhow::Result<crate::sandbox::Sandbox> {
    Ok(crate::sandbox::Sandbox::new(Some(&data_dir.join("cache")))?)
}

fn data_dir(flag: Option<PathBuf>) -> PathBuf {
    flag.or_else(|| std::env::var_os("BACKLAB_DATA_DIR").map(PathBuf::from))
        .or_else(|| {
            directories::ProjectDirs::from("", "", "backlab").map(|d| d.data_dir().to_path_buf())
        })
        .unwrap_or_else(|| PathBuf::from(".backlab"))
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }

    #[test]
    fn no_command_serves_with_the_given_port() {
        let cli = Cli::parse_from(["backlab", "--port", "4001"]);
        assert!(cli.command.is_none());
        assert_eq!(cli.serve.port, 4001);
        let cli = Cli::parse_from(["backlab", "serve", "--content", "course"]);
        let Some(Command::Serve(args)) = cli.command else {
            panic!("not serve");
        };
        assert_eq!(
            (args.port, args.content),
            (4000, Some(PathBuf::from("course")))
        );
    }

    #[test]
    fn run_takes_method_and_path() {
        let cli = Cli::parse_from(["backlab", "run", "app.js", "POST", "/todos", "-d", "{}"]);
        let Some(Command::Run(args)) = cli.command else {
            panic!("not run: {:?}", cli.command);
        };
        assert_eq!(
            (
                args.method.as_str(),
                args.path.as_str(),
                args.body.as_deref()
            ),
            ("POST", "/todos", Some("{}"))
        );
    }
}
