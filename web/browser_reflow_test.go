package web

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/internal/browsertest"
)

// reflowWidth is the narrowest viewport WCAG 1.4.10 (Reflow) asks for: 320 CSS
// pixels, the width of 1280 px at 400 % zoom.
const reflowWidth = 320

// reflowProbe reports what forces sideways scrolling at the current width: the
// document itself wider than the window, or any box that scrolls sideways inside
// the page (a table in an overflow container hides its right columns without a
// hint, which the document's width does not show). It returns the offenders.
const reflowProbe = `(() => {
  const out = [];
  const doc = document.documentElement;
  // Visually hidden text (clipped to a pixel, for screen readers) takes no room.
  const clipped = el => {
    for (let p = el; p; p = p.parentElement) {
      const st = getComputedStyle(p);
      if (st.clipPath !== "none" || p.classList.contains("skip")) return true;
    }
    return false;
  };
  if (doc.scrollWidth > doc.clientWidth) out.push("document " + doc.scrollWidth + " > " + doc.clientWidth);
  for (const el of document.querySelectorAll("body *")) {
    const st = getComputedStyle(el);
    if (st.display === "none" || st.visibility === "hidden") continue;
    if (clipped(el)) continue;
    if ((st.overflowX === "auto" || st.overflowX === "scroll") && el.scrollWidth > el.clientWidth + 1) {
      out.push(el.tagName.toLowerCase() + (el.className ? "." + el.className : "") + " scrolls " + el.scrollWidth + " > " + el.clientWidth);
    }
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > doc.clientWidth + 1 && st.position !== "absolute" && st.position !== "fixed") {
      out.push(el.tagName.toLowerCase() + (el.className ? "." + el.className : "") + " «" + (el.textContent || "").trim().slice(0, 40) + "» ends at " + Math.round(r.right));
    }
    if (out.length > 5) break;
  }
  return JSON.stringify(out);
})()`

// TestBrowserReflow loads every page type and the page of every person the
// public sees at 320 px and checks that nothing scrolls sideways: neither the
// page nor a box inside it. At 360 px the Beratungsfolge's right columns and
// long e-mail addresses on person pages did.
func TestBrowserReflow(t *testing.T) {
	ctx, axe := browser(t)
	w := testWorld(t)
	pages := w.pageTypes()
	longMeeting, longPaper := w.longObjects(t)
	pages["sitzung-lang"] = fmt.Sprintf("/sitzungen/%d", longMeeting)
	pages["vorlage-200-dateien"] = fmt.Sprintf("/vorlagen/%d", longPaper)
	for name, path := range w.reflowExtraPages(t) {
		pages[name] = path
	}
	names := make([]string, 0, len(pages))
	for n := range pages {
		names = append(names, n)
	}
	sort.Strings(names)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(reflowWidth, 640)); err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		path := withLang(pages[name], "de")
		t.Run(name, func(t *testing.T) {
			offenders := reflowOffenders(t, ctx, w.srv.URL+path)
			for _, o := range offenders {
				t.Errorf("%s at %d px: %s", path, reflowWidth, o)
			}
			// axe at the narrow width too: stacked tables must keep their labels.
			violations, err := browsertest.Axe(ctx, axe)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			for _, v := range violations {
				t.Errorf("%s at %d px: axe %s (%s) at %v", path, reflowWidth, v.ID, v.Help, v.Nodes)
			}
		})
	}
	persons, err := w.store.FindPersons(context.Background(), ratsinfo.PersonFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(persons) < 20 {
		t.Fatalf("only %d persons in the test city", len(persons))
	}
	for _, pe := range persons {
		path := withLang(ratsinfo.WebPath(ratsinfo.KindPerson, pe.ID), "de")
		for _, o := range reflowOffenders(t, ctx, w.srv.URL+path) {
			t.Errorf("person %s (%s) at %d px: %s", pe.Name, path, reflowWidth, o)
		}
	}
}

// reflowExtraPages are the page types this test adds to pageTypes: the lists
// and views that have no axe test of their own.
func (w *world) reflowExtraPages(t *testing.T) map[string]string {
	return map[string]string{
		"kalender-gremium": fmt.Sprintf("/sitzungen?monat=2023-02&gremium=%d", w.city.MainCommitteeID),
		"vorlagen-alle":    "/vorlagen",
		"jahr":             "/sitzungen?jahr=2023",
		"jahr-gremium":     fmt.Sprintf("/sitzungen?jahr=2023&gremium=%d", w.city.MainCommitteeID),
		"vorlage-person":   fmt.Sprintf("/vorlagen/%d", w.fix.PublicPaper),
		"ort":              w.anyLocationPath(t),
	}
}

// anyLocationPath is the page of the place of the fixture's meeting.
func (w *world) anyLocationPath(t *testing.T) string {
	m, err := w.store.FindMeetingByID(context.Background(), w.city.HearingMeetingID)
	if err != nil {
		t.Fatal(err)
	}
	if m.LocationID == 0 {
		return "/"
	}
	return ratsinfo.WebPath(ratsinfo.KindLocation, m.LocationID)
}

func reflowOffenders(t *testing.T, ctx context.Context, url string) []string {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](reflowProbe))
	if err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	var out []string
	if err := json.Unmarshal([]byte(raw), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// withLang adds the lang parameter to a path.
func withLang(path, lang string) string {
	for _, c := range path {
		if c == '?' {
			return path + "&lang=" + lang
		}
	}
	return path + "?lang=" + lang
}
