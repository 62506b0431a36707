package web

import "testing"

func TestSmoke(t *testing.T) {
	w := testWorld(t)
	for _, p := range []string{"/", "/vorlagen", "/sitzungen", "/gremien", "/personen"} {
		res, body := w.get(t, p)
		t.Logf("%s %d %d bytes", p, res.StatusCode, len(body))
		if res.StatusCode != 200 {
			t.Errorf("%s: %d\n%s", p, res.StatusCode, body)
		}
	}
}
