package main

import (
	"context"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"testing"

	"github.com/ratsinfo/ratsinfo/internal/testenv"
)

// TestMain adds the suites this package skipped to the line that `go test ./...`
// ends with (see internal/testenv). With RATSINFO_BENCH_SERVE set, the test
// binary is the server itself, run with those arguments: a benchmark then
// measures the memory of a server process that holds nothing of the clients.
func TestMain(m *testing.M) {
	if args := os.Getenv("RATSINFO_BENCH_SERVE"); args != "" {
		ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
		defer stop()
		app := &App{Stdout: os.Stdout, Stderr: os.Stderr, Getenv: func(string) string { return "" }}
		os.Exit(app.Main(ctx, strings.Fields(args)))
	}
	os.Exit(testenv.Main(m))
}
