// Package testenv decides whether a test suite that needs something outside the
// repository (a PostgreSQL server, a browser, a program) runs, and tells the
// person at the terminal which suites were skipped. `go test ./...` shows nothing
// of a passing package's output, so each test binary records its skips in a
// folder of the running `go test`, and the one that finishes last writes a single
// German line to the terminal (/dev/tty; nothing when there is none).
// It is test support only and imports package testing for that reason.
package testenv

import (
	"os"
	"os/exec"
	"sort"
	"sync"
	"testing"
)

// registry holds what this test binary skipped: suite → how to enable it.
type registry struct {
	mu      sync.Mutex
	main    bool
	skipped map[string]string
}

// The one registry of this test binary: testing.M offers no other place that
// every test of a package and TestMain share.
var reg = &registry{skipped: map[string]string{}}

// Getenv returns the environment variable name, or skips t when it is empty:
// suite names what is skipped ("PostgreSQL-Tests"), name how to enable it.
func Getenv(t testing.TB, name, suite string) string {
	t.Helper()
	v := os.Getenv(name)
	if v == "" {
		skip(t, suite, name+" setzen", suite+" übersprungen: "+name+" ist nicht gesetzt")
	}
	return v
}

// LookPath returns the path of program, or skips t when it is not installed;
// pkg is the Debian package that brings it.
func LookPath(t testing.TB, program, pkg, suite string) string {
	t.Helper()
	p, err := exec.LookPath(program)
	if err != nil {
		skip(t, suite, pkg+" installieren", suite+" übersprungen: "+program+" fehlt (Debian-Paket "+pkg+")")
	}
	return p
}

func skip(t testing.TB, suite, enable, msg string) {
	t.Helper()
	reg.mu.Lock()
	main := reg.main
	reg.skipped[suite] = enable
	reg.mu.Unlock()
	if !main {
		t.Fatal("testenv: dieses Paket braucht func TestMain(m *testing.M) { os.Exit(testenv.Main(m)) }, sonst fehlt sein Überspringen in der Zusammenfassung")
	}
	t.Skip(msg)
}

// Main runs the tests of a package that uses Getenv or LookPath and adds its
// skips to the summary of the running `go test`. Use it as
// func TestMain(m *testing.M) { os.Exit(testenv.Main(m)) }.
func Main(m *testing.M) int {
	reg.mu.Lock()
	reg.main = true
	reg.mu.Unlock()
	code := m.Run()
	reg.mu.Lock()
	skipped := make([]string, 0, len(reg.skipped))
	for suite, enable := range reg.skipped {
		skipped = append(skipped, suite+" ("+enable+")")
	}
	reg.mu.Unlock()
	sort.Strings(skipped)
	report(skipped)
	return code
}
