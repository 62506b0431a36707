package web

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserYearView walks to an older meeting the way a visitor would: the
// year view of 2023, narrowed to the Hauptausschuss with the keyboard, then the
// month typed the German way, which the month field shows as the month it is.
func TestBrowserYearView(t *testing.T) {
	ctx, _ := browser(t)
	w := testWorld(t)
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(w.srv.URL+"/sitzungen?jahr=2023&lang=de"),
		chromedp.WaitReady(chromedp.CSS("#gremium")),
		chromedp.SetValue(chromedp.CSS("#gremium"), fmt.Sprint(w.city.MainCommitteeID)),
		chromedp.Focus(chromedp.CSS("#jahr")),
		chromedp.KeyEvent("\r"),
		chromedp.Sleep(500*time.Millisecond),
		chromedp.WaitReady(chromedp.CSS("h1")),
	)
	if err != nil {
		t.Fatal(err)
	}
	url, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(url, "jahr=2023") || !strings.Contains(url, fmt.Sprintf("gremium=%d", w.city.MainCommitteeID)) {
		t.Errorf("year filter submitted to %s", url)
	}
	h1, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("h1").textContent`))
	// The form leaves the lang parameter behind and headless Chromium asks for English.
	if h1 != "Sitzungen im Jahr 2023" && h1 != "Meetings in 2023" {
		t.Errorf("heading %q", h1)
	}
	found, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(`!!document.querySelector('#monat-2023-02 ~ ul a[href="/sitzungen/%d"]')`, w.city.HearingMeetingID)))
	if !found {
		t.Errorf("the hearing of 27.02.2023 is not listed under February")
	}

	// "02.2023" as typed into Firefox's or Safari's month field (a text box there).
	if err := chromedp.Do(ctx, chromedp.Navigate(w.srv.URL+"/sitzungen?monat=02.2023&lang=de"), chromedp.WaitReady(chromedp.CSS("#monat"))); err != nil {
		t.Fatal(err)
	}
	value, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#monat").value`))
	msg, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector(".message") || {}).textContent || ""`))
	if value != "2023-02" || msg != "" {
		t.Errorf("month field after 02.2023: %q, message %q", value, msg)
	}
}
