package demo_test

import (
	"os"
	"testing"

	"github.com/ratsinfo/ratsinfo/internal/testenv"
)

// TestMain adds the suites this package skipped to the line that `go test ./...`
// ends with (see internal/testenv).
func TestMain(m *testing.M) { os.Exit(testenv.Main(m)) }
