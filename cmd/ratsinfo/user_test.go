package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/ratsinfo/ratsinfo/internal/pgtest"
)

// TestUserAndTokenCommands runs the account commands of the real binary on
// SQLite and PostgreSQL, then uses the token against the running server's
// GET /api/v1/me, revokes it and sees the API refuse it in German.
func TestUserAndTokenCommands(t *testing.T) {
	for _, name := range []string{"sqlite", "postgres"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			data := []string{"--data-dir", dir, "--log-level", "warn"}
			if name == "postgres" {
				data = append(data, "--database", pgtest.DSN(t))
				if code, _, errOut := runCmd(t, "migrate", data...); code != 0 {
					t.Fatalf("migrate: %s", errOut)
				}
			}
			run := func(want int, args ...string) string {
				t.Helper()
				code, out, errOut := runCmd(t, args[0], append(args[1:], data...)...)
				if code != want {
					t.Fatalf("%v: exit %d, want %d\n%s%s", args, code, want, out, errOut)
				}
				return out + errOut
			}
			if out := run(0, "user", "list"); !strings.Contains(out, "Keine Konten.") {
				t.Errorf("empty list: %s", out)
			}
			// Without a body in the database, --body is required.
			if out := run(1, "user", "add", "--email", "a@example.org", "--name", "A", "--role", "admin"); !strings.Contains(out, "noch keine Körperschaft") {
				t.Errorf("no body: %s", out)
			}
			if out := run(1, "user", "add", "--email", "a@example.org", "--name", "A", "--role", "chef", "--body", "1"); !strings.Contains(out, "Unbekannte Rolle „chef“") {
				t.Errorf("bad role: %s", out)
			}
			if out := run(1, "user", "add", "--email", "a@example.org", "--name", "A", "--role", "unit", "--body", "1"); !strings.Contains(out, "braucht die Organisation") {
				t.Errorf("unit without organization: %s", out)
			}
			out := run(0, "user", "add", "--email", "rat@example.org", "--name", "Erika Muster", "--role", "council_member",
				"--person", "7", "--body", "1", "--base-url", "https://ratsinfo.example.org")
			if !regexp.MustCompile(`(?m)^https://ratsinfo\.example\.org/buero/passwort-setzen\?token=[A-Za-z0-9_-]{43}$`).MatchString(out) {
				t.Errorf("user add prints no link:\n%s", out)
			}
			if out := run(1, "user", "add", "--email", "RAT@example.org", "--name", "X", "--role", "admin", "--body", "1"); !strings.Contains(out, "gibt es schon") {
				t.Errorf("duplicate: %s", out)
			}
			if out := run(0, "user", "list"); !strings.Contains(out, "rat@example.org") || !strings.Contains(out, "council_member (Körperschaft 1, Person 7)") {
				t.Errorf("user list:\n%s", out)
			}

			// token create prints only the token, on one line.
			_, tokenOut, _ := runCmd(t, "token", append([]string{"create", "--email", "rat@example.org", "--name", "Fraktionswerkzeug"}, data...)...)
			if !regexp.MustCompile(`^[A-Za-z0-9_-]{43}\n$`).MatchString(tokenOut) {
				t.Fatalf("token create printed %q", tokenOut)
			}
			token := strings.TrimSpace(tokenOut)
			if out := run(1, "token", "create", "--email", "niemand@example.org"); !strings.Contains(out, "Konto wurde nicht gefunden") {
				t.Errorf("token for unknown account: %s", out)
			}
			list := run(0, "token", "list", "--email", "rat@example.org")
			if !strings.Contains(list, "Fraktionswerkzeug") || !strings.Contains(list, "gültig") || strings.Contains(list, token) {
				t.Errorf("token list:\n%s", list)
			}
			id := regexp.MustCompile(`(?m)^(\d+)\s+rat@example\.org`).FindStringSubmatch(list)
			if id == nil {
				t.Fatalf("no token number in:\n%s", list)
			}

			srv := startServer(t, data...)
			// The office is mounted, and its stylesheet (the kit's, served by the website) loads.
			status, login := apiGet(t, srv.baseURL+"/buero/anmelden", "")
			css := regexp.MustCompile(`href="(/static/[^"]+\.css)"`).FindStringSubmatch(login)
			if status != 200 || !strings.Contains(login, "Anmelden") || css == nil {
				t.Fatalf("GET /buero/anmelden: %d\n%s", status, login)
			}
			if status, _ := apiGet(t, srv.baseURL+css[1], ""); status != 200 {
				t.Errorf("the office's stylesheet %s: %d", css[1], status)
			}
			status, body := apiGet(t, srv.baseURL+"/api/v1/me", token)
			var me struct {
				ID     int64
				Email  string
				Name   string
				Grants []struct {
					Role   string
					Body   int64
					Person int64
				}
			}
			if err := json.Unmarshal([]byte(body), &me); err != nil || status != 200 {
				t.Fatalf("GET /api/v1/me: %d %s", status, body)
			}
			if me.Email != "rat@example.org" || me.Name != "Erika Muster" || len(me.Grants) != 1 || me.Grants[0].Role != "council_member" ||
				me.Grants[0].Body != 1 || me.Grants[0].Person != 7 {
				t.Errorf("me: %s", body)
			}
			for _, tc := range []struct{ token, want string }{
				{"", "Anmeldung fehlt"}, {"unbekannt", "unbekannt, widerrufen"},
			} {
				status, body := apiGet(t, srv.baseURL+"/api/v1/me", tc.token)
				if status != 401 || !strings.Contains(body, tc.want) || !strings.Contains(body, `"code": "unauthorized"`) {
					t.Errorf("token %q: %d %s", tc.token, status, body)
				}
			}
			if status, _ := apiGet(t, srv.baseURL+"/api/v1/gibt-es-nicht", token); status != 404 {
				t.Errorf("unknown API path with a token: %d", status)
			}
			if status, _ := apiGet(t, srv.baseURL+"/api/v1/gibt-es-nicht", ""); status != 401 {
				t.Errorf("unknown API path without a token: %d", status)
			}

			if out := run(0, "token", "revoke", id[1]); !strings.Contains(out, "widerrufen") {
				t.Errorf("revoke: %s", out)
			}
			if status, body := apiGet(t, srv.baseURL+"/api/v1/me", token); status != 401 || !strings.Contains(body, "widerrufen") {
				t.Errorf("revoked token: %d %s", status, body)
			}
			if out := run(0, "token", "list"); !strings.Contains(out, "widerrufen") {
				t.Errorf("token list after revoke:\n%s", out)
			}
			if out := run(1, "token", "revoke", "999"); !strings.Contains(out, "gibt es nicht") {
				t.Errorf("revoke unknown: %s", out)
			}
		})
	}
}

func runCmd(t *testing.T, cmd string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	app := &App{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }}
	code := app.Main(context.Background(), append([]string{cmd}, args...))
	return code, out.String(), errOut.String()
}

func apiGet(t *testing.T, url, token string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}
