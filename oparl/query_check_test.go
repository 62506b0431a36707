package oparl

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo/internal/pgtest"
)

// TestControlCharactersInQuery: a control character in any parameter of any list
// or object is a German 400 naming the parameter, never a 500 and never echoed.
// On SQLite and, when named, on PostgreSQL.
func TestControlCharactersInQuery(t *testing.T) {
	start := time.Date(2024, 3, 1, 8, 0, 0, 0, time.UTC)
	t.Run("sqlite", func(t *testing.T) { checkControlCharacters(t, newWorldAt(t, "", start)) })
	t.Run("postgres", func(t *testing.T) { checkControlCharacters(t, newWorldAt(t, pgtest.DSN(t), start)) })
}

func checkControlCharacters(t *testing.T, w *world) {
	body := getJSON(t, w.api+"/body/1", 200)
	urls := []string{w.api + "/system", w.api + "/body", w.api + "/body/1"}
	for _, name := range []string{"organization", "person", "meeting", "paper", "agendaItem", "consultation", "file",
		"locationList", "legislativeTermList", "membership"} {
		u, _ := body[name].(string)
		if u == "" {
			t.Fatalf("body has no list %s", name)
		}
		urls = append(urls, u)
	}
	params := append(append([]string{}, paramOrder...), "q", "unbekannt")
	checked := 0
	for _, u := range urls {
		for _, param := range params {
			for _, bad := range []string{"%00", "%01", "%1b", "%7f"} {
				resp, b := get(t, u+"?"+param+"=2024"+bad+"x")
				if resp.StatusCode != http.StatusBadRequest {
					t.Errorf("%s?%s=…%s: status %d, want 400: %s", u, param, bad, resp.StatusCode, b)
					continue
				}
				want := "Der Suchparameter „" + param + "“ enthält ein unzulässiges Steuerzeichen"
				if !strings.Contains(string(b), want) {
					t.Errorf("%s?%s=…%s: %s; want the message %q", u, param, bad, b, want)
				}
				checked++
			}
		}
	}
	t.Logf("%d hostile queries answered 400", checked)
}
