// Command ratsinfo is the council information system in one binary: the web site,
// the OParl API, and the commands that set up, fill and check its data.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/ratsinfo/ratsinfo"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	app := &App{Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
	os.Exit(app.Main(ctx, os.Args[1:]))
}

// App is the program with its outside world passed in, so tests run the real thing
// in-process on port 0.
type App struct {
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	// Ready, if set, receives the server's base URL once it accepts connections.
	Ready func(baseURL string)
}

const usage = `Ratsinfo – Ratsinformationssystem mit OParl-1.1-Schnittstelle

Aufruf:
  ratsinfo serve [--demo] [--addr 127.0.0.1:8080] [--data-dir DIR] [--database URL] [--base-url URL] [--migrate]
  ratsinfo migrate [--data-dir DIR] [--database URL]
  ratsinfo generate --papers N [--data-dir DIR] [--database URL]
  ratsinfo oparl validate [--json] [--max-objects N] [--concurrency N] URL
  ratsinfo extract [--data-dir DIR] [--database URL]
  ratsinfo reindex [--data-dir DIR] [--database URL]
  ratsinfo import oparl [--data-dir DIR] [--database URL] [--concurrency N] [--max-file-size BYTES] URL
  ratsinfo import document [--json] [--body ID] [--data-dir DIR] [--database URL] DATEI...
  ratsinfo feedback list [--data-dir DIR] [--database URL] [--art barrierefreiheit|datei] [--seit JJJJ-MM-TT]
  ratsinfo user add --email E --name N --role ROLLE [--organization ID] [--person ID] [--body ID] [--base-url URL]
  ratsinfo user list
  ratsinfo token create --email E [--name N] | token list [--email E] | token revoke NR
  ratsinfo version

Jede Option hat eine Umgebungsvariable RATSINFO_… (z. B. RATSINFO_DATA_DIR); 
„ratsinfo BEFEHL -h“ zeigt die Optionen eines Befehls.
`

// Main runs one subcommand and returns the process exit code: 0 success, 1 failure,
// 2 wrong usage.
func (a *App) Main(ctx context.Context, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(a.Stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "serve":
		err = a.serve(ctx, args[1:])
	case "migrate":
		err = a.migrate(ctx, args[1:])
	case "generate":
		err = a.generate(ctx, args[1:])
	case "oparl":
		err = a.oparl(ctx, args[1:])
	case "extract":
		err = a.extract(ctx, args[1:])
	case "reindex":
		err = a.reindex(ctx, args[1:])
	case "import":
		err = a.importCmd(ctx, args[1:])
	case "feedback":
		err = a.feedback(ctx, args[1:])
	case "user":
		err = a.user(ctx, args[1:])
	case "token":
		err = a.token(ctx, args[1:])
	case "version":
		fmt.Fprintln(a.Stdout, "ratsinfo", version())
	case "help", "-h", "--help":
		fmt.Fprint(a.Stdout, usage)
	default:
		fmt.Fprintf(a.Stderr, "Unbekannter Befehl %q.\n\n%s", args[0], usage)
		return 2
	}
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	}
	fmt.Fprintf(a.Stderr, "Fehler: %s\n", userMessage(err))
	return 1
}

// errUsage marks an error already explained by the flag package.
var errUsage = errors.New("usage")

// userMessage shows a *ratsinfo.Error as its German message, and anything else as
// is: on the command line the operator is the user and needs the cause.
func userMessage(err error) string {
	var e *ratsinfo.Error
	if errors.As(err, &e) {
		return e.Error()
	}
	return err.Error()
}

func (a *App) flagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("ratsinfo "+name, flag.ContinueOnError)
	fs.SetOutput(a.Stderr)
	return fs
}

func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	return nil
}

func (a *App) logger(level string) *slog.Logger {
	var l slog.Level
	if err := l.UnmarshalText([]byte(strings.ToUpper(level))); err != nil {
		l = slog.LevelInfo
	}
	return slog.New(slog.NewTextHandler(a.Stderr, &slog.HandlerOptions{Level: l}))
}

func version() string {
	return "0.1.0"
}
