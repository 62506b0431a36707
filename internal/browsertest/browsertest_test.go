package browsertest

import (
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/ratsinfo/ratsinfo/internal/testenv"
)

func TestMain(m *testing.M) { os.Exit(testenv.Main(m)) }

// TestAxeFindsAndPasses shows that the helper reports a broken page (an image
// without alternative text, an input without a label) and passes a sound one,
// so a browser test that finds nothing has really looked.
func TestAxeFindsAndPasses(t *testing.T) {
	bin := testenv.Getenv(t, "RATSINFO_TEST_CHROMIUM", "Browsertests")
	axePath := testenv.Getenv(t, "RATSINFO_TEST_AXE", "Barrierefreiheitsprüfung")
	axe, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatal(err)
	}
	ctx := Chromium(t, bin, time.Minute)
	page := func(body string) string {
		return `data:text/html;charset=utf-8,<!doctype html><html lang="de"><head><title>Prüfung</title></head><body><main><h1>Prüfung</h1>` + body + `</main></body></html>`
	}

	if _, err := chromedp.Run(ctx, chromedp.Navigate(page(`<img src="x.png"><input type="text">`))); err != nil {
		t.Fatal(err)
	}
	found, err := Axe(ctx, string(axe))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, v := range found {
		ids[v.ID] = true
	}
	if !ids["image-alt"] || !ids["label"] {
		t.Errorf("broken page: axe found %v, want image-alt and label among them", found)
	}

	if _, err := chromedp.Run(ctx, chromedp.Navigate(page(`<p>Alles beschriftet.</p>`))); err != nil {
		t.Fatal(err)
	}
	if found, err := Axe(ctx, string(axe)); err != nil || len(found) != 0 {
		t.Errorf("sound page: axe found %v (%v), want nothing", found, err)
	}
}
