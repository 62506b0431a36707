package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestImportOparlFlags: the options of issue 9 reach the command line and bad
// values get a German message before anything is opened.
func TestImportOparlFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--allow-origin", "kein-url"}, "--allow-origin"},
		{[]string{"--max-objects", "-1"}, "dürfen nicht negativ"},
		{[]string{"--max-duration", "bald"}, "max-duration"},
	} {
		var out, errOut bytes.Buffer
		app := &App{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }}
		args := append(append([]string{"import", "oparl", "--data-dir", t.TempDir()}, tc.args...), "https://ris.example.de/oparl/system")
		if code := app.Main(context.Background(), args); code == 0 || !strings.Contains(errOut.String(), tc.want) {
			t.Errorf("%v: exit %d, %q", tc.args, code, errOut.String())
		}
	}
}
