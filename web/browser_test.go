package web

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/ratsinfo/ratsinfo/internal/browsertest"
	"github.com/ratsinfo/ratsinfo/internal/testenv"
)

// Browser tests run the real server in headless Chromium: axe-core on every page
// type (zero WCAG 2.1 AA violations), keyboard use, and screenshots at 320 px.
// They need RATSINFO_TEST_CHROMIUM (the browser) and RATSINFO_TEST_AXE (axe.min.js).

func browser(t *testing.T) (context.Context, string) {
	t.Helper()
	ctx := chromium(t)
	// axe.min.js of the npm package axe-core.
	axePath := testenv.Getenv(t, "RATSINFO_TEST_AXE", "Barrierefreiheitstests im Browser")
	axe, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatalf("axe-core lesen: %v", err)
	}
	return ctx, string(axe)
}

// chromium starts headless Chromium for a test that needs no axe-core, such as
// printing; it skips the test when RATSINFO_TEST_CHROMIUM names no browser.
func chromium(t *testing.T) context.Context {
	t.Helper()
	bin := testenv.Getenv(t, "RATSINFO_TEST_CHROMIUM", "Browsertests") // e.g. /usr/bin/chromium
	return browsertest.Chromium(t, bin, 3*time.Minute)
}

func artifactDir(t *testing.T) string { return artifactSubdir(t, "screenshots") }

// artifactSubdir is where a test keeps files for people to look at after a CI
// run: a folder under RATSINFO_TEST_ARTIFACTS, or a temporary one.
func artifactSubdir(t *testing.T, name string) string {
	if d := os.Getenv("RATSINFO_TEST_ARTIFACTS"); d != "" {
		dir := filepath.Join(d, name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	return t.TempDir()
}

// pageTypes are one URL of every page type.
func (w *world) pageTypes() map[string]string {
	return map[string]string{
		"start":           "/",
		"vorlage":         fmt.Sprintf("/vorlagen/%d", w.city.AnswerPaperID),
		"anfrage":         fmt.Sprintf("/vorlagen/%d", w.city.InquiryPaperID),
		"vorlagen":        "/vorlagen?art=Anfrage",
		"vorlagen-person": fmt.Sprintf("/vorlagen?person=%d", w.fix.Pender),
		"sitzung":         fmt.Sprintf("/sitzungen/%d", w.fix.Meeting),
		"sitzung-2023":    fmt.Sprintf("/sitzungen/%d", w.city.HearingMeetingID),
		"kalender":        "/sitzungen?monat=2026-12",
		"gremien":         "/gremien",
		"gremium":         fmt.Sprintf("/gremien/%d", w.city.MainCommitteeID),
		"personen":        "/personen",
		"person":          fmt.Sprintf("/personen/%d", w.fix.ShyPerson),
		"datei":           fmt.Sprintf("/dateien/%d", w.city.AnswerFileID),
		"datei-melden":    fmt.Sprintf("/dateien/%d/melden", w.city.AnswerFileID),
		"suche":           "/suche?q=Smart",
		"anfragen":        "/anfragen",
		"anfrage-qa":      fmt.Sprintf("/anfragen/%d", w.fix.InquiryPublished),
		"barrierefrei":    "/barrierefreiheit",
		"impressum":       "/impressum",
		"datenschutz":     "/datenschutz",
		"nicht-gefunden":  "/vorlagen/999999999",
		"fehleingabe":     "/vorlagen?von=gestern",
	}
}

func TestBrowserAccessibility(t *testing.T) {
	ctx, axe := browser(t)
	w := testWorld(t)
	shots := artifactDir(t)
	pages := w.pageTypes()
	longMeeting, longPaper := w.longObjects(t)
	pages["sitzung-lang"] = fmt.Sprintf("/sitzungen/%d", longMeeting)
	pages["vorlage-200-dateien"] = fmt.Sprintf("/vorlagen/%d", longPaper)
	// Both locales: German is what most visitors get, English is what headless
	// Chromium asks for; the lang parameter overrides the browser either way.
	localized := map[string]string{}
	for name, path := range pages {
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		localized[name+"-de"] = path + sep + "lang=de"
		localized[name+"-en"] = path + sep + "lang=en"
	}
	for name, path := range localized {
		t.Run(name, func(t *testing.T) {
			err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(w.srv.URL+path), chromedp.WaitReady(chromedp.CSS("body")))
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			violations, err := browsertest.Axe(ctx, axe)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			for _, v := range violations {
				t.Errorf("%s: axe %s (%s) at %v", path, v.ID, v.Help, v.Nodes)
			}
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(320, 640), chromedp.Navigate(w.srv.URL+path), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
				t.Fatalf("320 px: %v", err)
			}
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(80))
			if err != nil {
				t.Fatalf("screenshot: %v", err)
			}
			if err := os.WriteFile(filepath.Join(shots, name+"-320.jpg"), png, 0o644); err != nil {
				t.Fatal(err)
			}
			// At 320 px nothing may force horizontal scrolling (WCAG 1.4.10 reflow).
			overflow, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
			if err != nil {
				t.Fatal(err)
			}
			if overflow {
				t.Errorf("%s: page scrolls sideways at 320 px", path)
			}
		})
	}
}

func TestBrowserKeyboard(t *testing.T) {
	ctx, _ := browser(t)
	w := testWorld(t)
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(w.srv.URL+fmt.Sprintf("/vorlagen/%d", w.city.AnswerPaperID)),
		chromedp.WaitReady(chromedp.CSS("body")),
		chromedp.KeyEvent("\t"),
	)
	if err != nil {
		t.Fatal(err)
	}
	first, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.textContent`))
	href, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.getAttribute("href") || ""`))
	if err := chromedp.Do(ctx, chromedp.KeyEvent("\r"), chromedp.Sleep(200*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	afterEnter, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.id`))
	// The browser may ask for English, so the link's text is not checked, only its target.
	if first == "" || href != "#inhalt" {
		t.Errorf("first tab stop is %q (%s), want the skip link", first, href)
	}
	if afterEnter != "inhalt" {
		t.Errorf("skip link moved focus to %q, want main", afterEnter)
	}

	// The calendar filter works with the keyboard and without script: choose the
	// committee, submit with Enter, and the URL carries the filter.
	err = chromedp.Do(ctx,
		chromedp.Navigate(w.srv.URL+"/sitzungen?monat=2023-02"),
		chromedp.WaitReady(chromedp.CSS("#gremium")),
		chromedp.SetValue(chromedp.CSS("#gremium"), fmt.Sprint(w.city.MainCommitteeID)),
		chromedp.Focus(chromedp.CSS("#monat")),
		chromedp.KeyEvent("\r"),
		chromedp.Sleep(500*time.Millisecond),
	)
	if err != nil {
		t.Fatal(err)
	}
	url, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(url, fmt.Sprintf("gremium=%d", w.city.MainCommitteeID)) {
		t.Errorf("filter submitted to %s", url)
	}
}

// TestBrowserAgendaJump follows a jump link of a 300-item agenda with the
// keyboard: the item must end up on screen, not merely in the URL.
func TestBrowserAgendaJump(t *testing.T) {
	ctx, _ := browser(t)
	w := testWorld(t)
	meetingID, _ := w.longObjects(t)
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(w.srv.URL+fmt.Sprintf("/sitzungen/%d?lang=de", meetingID)),
		chromedp.WaitReady(chromedp.CSS(".toc")),
		chromedp.Focus(chromedp.CSS(".toc li:nth-child(151) a")),
		chromedp.KeyEvent("\r"),
		chromedp.Sleep(300*time.Millisecond),
	)
	if err != nil {
		t.Fatal(err)
	}
	hash, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.hash`))
	if err != nil {
		t.Fatal(err)
	}
	visible, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => {
		const el = document.querySelector(location.hash); if (!el) return false;
		const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight;
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(hash, "#top-") || !visible {
		t.Errorf("jump link led to %q, on screen: %v", hash, visible)
	}
	text, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector(location.hash + " h3").textContent`))
	if !strings.Contains(text, "Langpunkt 151") {
		t.Errorf("jump link led to %q, want Langpunkt 151", text)
	}
}
