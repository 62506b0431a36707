package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/ratsinfo/ratsinfo"
)

// postForm posts a form to the test server and returns status and body.
func (w *world) postForm(t *testing.T, path string, form url.Values) (int, string) {
	t.Helper()
	res, err := http.PostForm(w.srv.URL+path, form)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// feedbackWith returns the stored feedback whose text contains marker.
func (w *world) feedbackWith(t *testing.T, marker string) []*ratsinfo.Feedback {
	t.Helper()
	all, err := w.store.FindFeedback(ratsinfo.SystemContext(t.Context()), ratsinfo.FeedbackFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []*ratsinfo.Feedback
	for _, f := range all {
		if strings.Contains(f.Text, marker) {
			out = append(out, f)
		}
	}
	return out
}

func TestFeedbackForms(t *testing.T) {
	w := testWorld(t)
	reportPath := fmt.Sprintf("/dateien/%d/melden", w.city.AnswerFileID)

	t.Run("invalid input is shown again with messages", func(t *testing.T) {
		code, body := w.postForm(t, "/barrierefreiheit", url.Values{"text": {""}, "email": {"kein-at"}, "name": {"Erika Muster"}})
		for _, s := range []string{"Bitte schreiben Sie Ihre Nachricht.", "Die E-Mail-Adresse ist ungültig", `aria-invalid="true"`,
			`value="kein-at"`, `value="Erika Muster"`, "Bitte korrigieren Sie die markierten Angaben."} {
			if !strings.Contains(body, s) {
				t.Errorf("missing %q", s)
			}
		}
		if code != 400 {
			t.Errorf("status %d", code)
		}
	})
	t.Run("too long text is kept, not cut", func(t *testing.T) {
		long := "Barrierebericht-Lang " + strings.Repeat("ä", 5000)
		code, body := w.postForm(t, reportPath, url.Values{"text": {long}, "grund": {"fehler"}})
		if code != 400 || !strings.Contains(body, "höchstens 5000 Zeichen") || !strings.Contains(body, long) {
			t.Errorf("status %d, text kept: %v", code, strings.Contains(body, long))
		}
		if !strings.Contains(body, `value="fehler" checked`) {
			t.Error("the chosen reason was not kept")
		}
		if n := len(w.feedbackWith(t, "Barrierebericht-Lang")); n != 0 {
			t.Errorf("stored %d invalid messages", n)
		}
	})
	t.Run("accessibility feedback is stored", func(t *testing.T) {
		code, body := w.postForm(t, "/barrierefreiheit", url.Values{"text": {"Kontrastbericht: Der Kalender ist zu blass."}, "email": {"a@example.org"}})
		got := w.feedbackWith(t, "Kontrastbericht")
		if code != 200 || len(got) != 1 {
			t.Fatalf("status %d, stored %d", code, len(got))
		}
		f := got[0]
		if f.Kind != ratsinfo.FeedbackAccessibility || f.Email != "a@example.org" || f.Page != "/barrierefreiheit" {
			t.Errorf("stored %+v", f)
		}
		for _, s := range []string{"Vielen Dank", fmt.Sprintf("Eingangsnummer: %d", f.ID), "So geht es weiter", "erhalten Sie eine Antwort"} {
			if !strings.Contains(body, s) {
				t.Errorf("success page misses %q", s)
			}
		}
	})
	t.Run("file report is stored with file and reason", func(t *testing.T) {
		code, body := w.postForm(t, reportPath, url.Values{"grund": {"personenbezogen"}, "text": {"Dateibericht: Seite 2 nennt meine Adresse."}})
		got := w.feedbackWith(t, "Dateibericht")
		if code != 200 || len(got) != 1 || !strings.Contains(body, "geschwärzt oder zurückgezogen") {
			t.Fatalf("status %d, stored %d", code, len(got))
		}
		if f := got[0]; f.Kind != ratsinfo.FeedbackFileReport || f.FileID != w.city.AnswerFileID || f.Reason != ratsinfo.ReasonPersonalData {
			t.Errorf("stored %+v", f)
		}
	})
	t.Run("honeypot posts are thanked but not stored", func(t *testing.T) {
		code, body := w.postForm(t, "/barrierefreiheit", url.Values{"text": {"Botbericht billige Uhren"}, "homepage": {"http://spam.example"}})
		if code != 200 || !strings.Contains(body, "Vielen Dank") {
			t.Errorf("status %d", code)
		}
		if n := len(w.feedbackWith(t, "Botbericht")); n != 0 {
			t.Errorf("stored %d bot messages", n)
		}
	})
	t.Run("reporting a non-public file is not found", func(t *testing.T) {
		code, _ := w.postForm(t, fmt.Sprintf("/dateien/%d/melden", w.fix.SecretFile), url.Values{"text": {"Geheimdateibericht"}})
		if code != 404 || len(w.feedbackWith(t, "Geheimdateibericht")) != 0 {
			t.Errorf("status %d", code)
		}
	})
	t.Run("oversized body", func(t *testing.T) {
		code, body := w.postForm(t, "/barrierefreiheit", url.Values{"text": {strings.Repeat("x", 200<<10)}})
		if code != 400 || !strings.Contains(body, "zu lang") {
			t.Errorf("status %d", code)
		}
	})
}

// failingFeedback is a store that cannot write, like a full disk.
type failingFeedback struct{}

func (failingFeedback) CreateFeedback(context.Context, *ratsinfo.Feedback) error {
	return errors.New("disk full")
}
func (failingFeedback) FindFeedback(context.Context, ratsinfo.FeedbackFilter) ([]*ratsinfo.Feedback, error) {
	return nil, nil
}

// TestFeedbackStoreDown checks that a message that cannot be stored stays in the
// form, with a German message and no internal detail.
func TestFeedbackStoreDown(t *testing.T) {
	w := testWorld(t)
	srv := NewServer(Config{BaseURL: "http://ratsinfo.test", Store: w.store, Feedback: failingFeedback{}, Now: w.web.now})
	mux := http.NewServeMux()
	srv.Register(mux)
	form := url.Values{"text": {"Mein wichtiger Hinweis zur Tastaturbedienung"}, "email": {"b@example.org"}}
	req := httptest.NewRequest("POST", "/barrierefreiheit", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, req)
	body := rec.Body.String()
	if rec.Code != 503 || !strings.Contains(body, "Mein wichtiger Hinweis zur Tastaturbedienung") || !strings.Contains(body, `value="b@example.org"`) ||
		!strings.Contains(body, "nicht gespeichert werden") || strings.Contains(body, "disk full") {
		t.Errorf("status %d\n%s", rec.Code, excerpt(body))
	}
}
