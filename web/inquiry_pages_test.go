package web

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/ratsinfo/ratsinfo"
)

// TestInquiryPages checks the public pages of inquiries: the list shows the
// public ones with state and deadline, the page shows each question beside its
// answer with a deep link and the timeline, and what the public may not see is
// not found.
func TestInquiryPages(t *testing.T) {
	w := testWorld(t)
	res, body := w.get(t, "/anfragen")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("/anfragen: %d", res.StatusCode)
	}
	for _, want := range []string{"Anfrage zu Fahrradbügeln am Rathaus", "Anfrage zur Beleuchtung im Stadtpark",
		"Einwohnerfrage zum Spielplatz Moorbek", "überfällig", "beantwortet", "Offen: 2, davon überfällig: 1"} {
		if !strings.Contains(body, want) {
			t.Errorf("/anfragen lacks %q", want)
		}
	}
	_, body = w.get(t, "/anfragen?ueberfaellig=1")
	if !strings.Contains(body, "Beleuchtung im Stadtpark") || strings.Contains(body, "Fahrradbügeln") {
		t.Errorf("overdue filter: %s", body)
	}
	_, body = w.get(t, "/anfragen?stand=published")
	if !strings.Contains(body, "Fahrradbügeln") || strings.Contains(body, "Stadtpark") {
		t.Errorf("state filter: %s", body)
	}
	for _, bad := range []string{"/anfragen?stand=draft", "/anfragen?stand=geheim"} {
		if res, _ := w.get(t, bad); res.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: %d, want 400", bad, res.StatusCode)
		}
	}

	res, body = w.get(t, fmt.Sprintf("/anfragen/%d", w.fix.InquiryPublished))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("published inquiry: %d", res.StatusCode)
	}
	for _, want := range []string{`id="frage-1"`, `href="#frage-2"`, "<span class=\"label\">b)</span> Am Schulzentrum?",
		"Veröffentlichte Antwort Leaktest:", "<li>40 Bügel</li>", `<a href="https://www.norderstedt.de/" rel="nofollow">`,
		"Antwort als Vorlage", "eingereicht", "registriert, Frist gesetzt", "Frist bis"} {
		if !strings.Contains(body, want) {
			t.Errorf("published inquiry page lacks %q", want)
		}
	}
	// Heard in the meeting planned at registration, linked from the timeline;
	// the meeting's page lists the answer as its agenda item.
	hearing := fmt.Sprintf("/sitzungen/%d", w.fix.InquiryHearing)
	m, err := w.store.FindMeetingByID(context.Background(), w.fix.InquiryHearing)
	if err != nil {
		t.Fatal(err)
	}
	day := ratsinfo.DateOf(m.Start.In(ratsinfo.Berlin())).German()
	heard := regexp.MustCompile(`<time>` + regexp.QuoteMeta(day) + `</time> (in der Sitzung behandelt|zur Behandlung in der Sitzung vorgesehen): <a href="` +
		hearing + `">` + regexp.QuoteMeta(m.Name) + ` am ` + regexp.QuoteMeta(day) + `, TOP \d+, Anhörung</a>`)
	if !heard.MatchString(body) {
		t.Errorf("the timeline does not show the hearing in %s:\n%s", hearing, body)
	}
	_, body = w.get(t, hearing)
	if !strings.Contains(body, "Beantwortung der Anfrage zu Fahrradbügeln am Rathaus") {
		t.Errorf("the meeting page lacks the answer on its agenda:\n%s", body)
	}
	_, body = w.get(t, fmt.Sprintf("/anfragen/%d", w.fix.InquiryOverdue))
	if !strings.Contains(body, "Noch nicht beantwortet.") || !strings.Contains(body, "überfällig") {
		t.Errorf("overdue inquiry page: %s", body)
	}
	_, body = w.get(t, fmt.Sprintf("/anfragen/%d?lang=en", w.fix.InquiryPublished))
	if !strings.Contains(body, "Questions and answers") || !strings.Contains(body, "answered") {
		t.Errorf("English inquiry page lacks its translation")
	}
	for _, id := range []int64{w.fix.InquiryDraft, w.fix.InquiryConfidential, 999999} {
		if res, _ := w.get(t, fmt.Sprintf("/anfragen/%d", id)); res.StatusCode != http.StatusNotFound {
			t.Errorf("/anfragen/%d: %d, want 404", id, res.StatusCode)
		}
	}
}
