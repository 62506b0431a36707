package api

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// TestInquiryRulesAPI: the council office manages the body's deadline rules
// through the API; registration computes the deadline from the rule of the
// inquiry's paper type and the planned meeting; a Große Anfrage is the public
// paper's type.
func TestInquiryRulesAPI(t *testing.T) {
	backends(t, func(t *testing.T, dsn string) {
		w := newAPIWorld(t, dsn, nil)
		start := time.Date(2023, 2, 27, 17, 0, 0, 0, ratsinfo.Berlin())
		meeting := &ratsinfo.Meeting{BodyID: w.body, Name: "Sitzung des Hauptausschusses", Start: start, End: start.Add(2 * time.Hour),
			OrganizationIDs: []int64{w.committee}}
		if err := w.db.CreateMeeting(ratsinfo.SystemContext(t.Context()), meeting); err != nil {
			t.Fatal(err)
		}
		major := "/inquiry-rules/Gro%C3%9Fe%20Anfrage"
		rule := map[string]any{"basis": "before_meeting", "period": "P7D"}

		st, raw := w.call(w.member, "PUT", major, rule, nil)
		w.want("a member sets a rule", http.StatusForbidden, st, raw)
		st, raw = w.call(w.office, "PUT", "/inquiry-rules/Beschlussvorlage", rule, nil)
		w.want("a paper type that is no inquiry", http.StatusBadRequest, st, raw)
		st, raw = w.call(w.office, "PUT", major, map[string]any{"basis": "before_meeting", "period": "P1M"}, nil)
		w.want("months before a meeting", http.StatusBadRequest, st, raw)
		st, raw = w.call(w.office, "PUT", major, map[string]any{"basis": "before_meeting"}, nil)
		w.want("no period", http.StatusBadRequest, st, raw)
		var got inquiryRule
		st, raw = w.call(w.office, "PUT", major, rule, &got)
		w.want("the office sets a rule", http.StatusOK, st, raw)
		if got.PaperType != "Große Anfrage" || got.Basis != "before_meeting" || got.Period != "P7D" || got.Description != "7 Tage vor der Sitzung, in der sie behandelt wird" {
			t.Fatalf("rule: %s", raw)
		}
		st, raw = w.call(w.office, "PUT", "/inquiry-rules/Anfrage", map[string]any{"basis": "after_receipt", "period": "P2W"}, nil)
		w.want("a second rule", http.StatusOK, st, raw)
		var list struct{ Data []inquiryRule }
		st, raw = w.call(w.unitStaff, "GET", "/inquiry-rules", nil, &list)
		w.want("the unit reads the rules", http.StatusOK, st, raw)
		if len(list.Data) != 2 || list.Data[0].PaperType != "Anfrage" || list.Data[1].PaperType != "Große Anfrage" {
			t.Fatalf("list: %s", raw)
		}
		st, raw = w.call(w.office, "GET", "/inquiry-rules?body=x", nil, nil)
		w.want("a bad body", http.StatusBadRequest, st, raw)

		// A Große Anfrage registered for the meeting: seven days before it.
		var q inquiry
		st, raw = w.call(w.member, "POST", "/inquiries", map[string]any{"title": "Große Anfrage Smart City", "paperType": "Große Anfrage",
			"inquirers": []int64{w.person}, "questions": []map[string]any{{"text": "Was kostet das?"}}}, &q)
		w.want("create", http.StatusCreated, st, raw)
		if q.PaperType != "Große Anfrage" {
			t.Fatalf("created: %s", raw)
		}
		path := "/inquiries/" + itoa(int(q.ID)) + "/register"
		st, raw = w.call(w.office, "POST", path, map[string]any{"receivedOn": "2023-01-16", "unit": w.unit}, nil)
		w.want("a meeting rule without a meeting", http.StatusBadRequest, st, raw)
		if !strings.Contains(raw, "Sitzung angeben") {
			t.Fatalf("the message does not say what is missing: %s", raw)
		}
		st, raw = w.call(w.office, "POST", path, map[string]any{"receivedOn": "2023-01-16", "unit": w.unit, "period": "P3W"}, nil)
		w.want("a period against the rule without a reason", http.StatusBadRequest, st, raw)
		st, raw = w.call(w.office, "POST", path, map[string]any{"receivedOn": "2023-01-16", "unit": w.unit,
			"meeting": meeting.ID, "role": "Kenntnisnahme"}, &q)
		w.want("register for the meeting", http.StatusOK, st, raw)
		if q.Deadline != "2023-02-20" || q.Meeting != meeting.ID || q.Committee != w.committee || q.Role != "Kenntnisnahme" {
			t.Fatalf("registered: %s", raw)
		}
		paperID, _ := strconv.ParseInt(q.Paper[strings.LastIndex(q.Paper, "/")+1:], 10, 64)
		paper, err := w.db.FindPaperByID(t.Context(), paperID)
		if err != nil || paper.PaperType != "Große Anfrage" {
			t.Fatalf("the inquiry's paper has the type %q", paper.PaperType)
		}

		// Deleting the rule: 204, then 404.
		if st := w.raw(w.office, "DELETE", major); st != http.StatusNoContent {
			t.Fatalf("delete: %d", st)
		}
		if st := w.raw(w.member, "DELETE", "/inquiry-rules/Anfrage"); st != http.StatusForbidden {
			t.Fatalf("a member deletes: %d", st)
		}
		st, raw = w.call(w.office, "DELETE", major, nil, nil)
		w.want("delete twice", http.StatusNotFound, st, raw)
	})
}

// raw sends a request without a body and returns the status only.
func (w *apiWorld) raw(token, method, path string) int {
	w.t.Helper()
	req, err := http.NewRequest(method, w.url+Prefix+path, nil)
	if err != nil {
		w.t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		w.t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}
