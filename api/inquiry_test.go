package api

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/blob"
	"github.com/ratsinfo/ratsinfo/internal/pgtest"
	"github.com/ratsinfo/ratsinfo/internal/testenv"
	"github.com/ratsinfo/ratsinfo/pdf"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// apiWorld is a real store behind a real HTTP server, with one token per role.
type apiWorld struct {
	t                              *testing.T
	url                            string
	db                             *sqldb.DB
	blobs                          *blob.Dir
	body, person, unit, committee  int64
	member, office, unitStaff, sig string // tokens
	otherMember                    string
}

func backends(t *testing.T, fn func(t *testing.T, dsn string)) {
	t.Run("sqlite", func(t *testing.T) {
		t.Parallel()
		fn(t, filepath.Join(t.TempDir(), "ratsinfo.db"))
	})
	t.Run("postgres", func(t *testing.T) {
		t.Parallel()
		fn(t, pgtest.DSN(t))
	})
}

func newAPIWorld(t *testing.T, dsn string, printer ratsinfo.AnswerPrinter) *apiWorld {
	t.Helper()
	ctx := context.Background()
	db, err := sqldb.Open(ctx, dsn, sqldb.Options{Migrate: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	blobs, err := blob.NewDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	sys := ratsinfo.SystemContext(ctx)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	body := &ratsinfo.Body{Name: "Stadt Norderstedt", ShortName: "Norderstedt", AGS: "01060063"}
	must(db.CreateBody(sys, body))
	pender := &ratsinfo.Person{BodyID: body.ID, FormOfAddress: "Herr", GivenName: "Tobias", FamilyName: "Pender"}
	must(db.CreatePerson(sys, pender))
	other := &ratsinfo.Person{BodyID: body.ID, FormOfAddress: "Frau", GivenName: "Erika", FamilyName: "Muster"}
	must(db.CreatePerson(sys, other))
	unit := &ratsinfo.Organization{BodyID: body.ID, Name: "Stabsstelle Smart City", OrganizationType: ratsinfo.OrgTypeAdminUnit}
	must(db.CreateOrganization(sys, unit))
	committee := &ratsinfo.Organization{BodyID: body.ID, Name: "Hauptausschuss", OrganizationType: ratsinfo.OrgTypeCommittee}
	must(db.CreateOrganization(sys, committee))

	token := func(email string, g ratsinfo.Grant) string {
		g.BodyID = body.ID
		a := &ratsinfo.Account{Email: email, Name: email, Grants: []ratsinfo.Grant{g}}
		must(db.CreateAccount(sys, a))
		tok, hash := ratsinfo.NewSecret()
		must(db.CreateAPIToken(sys, &ratsinfo.APIToken{AccountID: a.ID, Name: "Test"}, hash))
		return tok
	}
	w := &apiWorld{t: t, db: db, blobs: blobs, body: body.ID, person: pender.ID, unit: unit.ID, committee: committee.ID,
		member:      token("pender@example.org", ratsinfo.Grant{Role: ratsinfo.GrantCouncilMember, PersonID: pender.ID}),
		otherMember: token("muster@example.org", ratsinfo.Grant{Role: ratsinfo.GrantCouncilMember, PersonID: other.ID}),
		office:      token("buero@example.org", ratsinfo.Grant{Role: ratsinfo.GrantCouncilOffice}),
		unitStaff:   token("smartcity@example.org", ratsinfo.Grant{Role: ratsinfo.GrantUnit, OrganizationID: unit.ID}),
		sig:         token("oberbuergermeisterin@example.org", ratsinfo.Grant{Role: ratsinfo.GrantSignOff}),
	}
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	w.url = srv.URL
	cfg := Config{BaseURL: srv.URL, Store: db, Inquiries: db, Blobs: blobs,
		Now: func() time.Time { return time.Date(2023, 2, 20, 10, 0, 0, 0, ratsinfo.Berlin()) }}
	if printer != nil {
		cfg.Printer = printer
	} else {
		cfg.PrinterErr = ratsinfo.Errorf(ratsinfo.EUNAVAILABLE, "Für die barrierefreie PDF-Fassung von Antworten braucht Ratsinfo Chromium.")
	}
	NewServer(cfg).Register(mux)
	return w
}

// call sends a request with a token and decodes the JSON answer into out (when
// not nil); it returns the status and the raw body.
func (w *apiWorld) call(token, method, path string, in any, out any) (int, string) {
	w.t.Helper()
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			w.t.Fatal(err)
		}
		body = bytes.NewReader(b)
	}
	if s, ok := in.(string); ok {
		body = strings.NewReader(s)
	}
	req, err := http.NewRequest(method, w.url+Prefix+path, body)
	if err != nil {
		w.t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		w.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		w.t.Fatalf("%s %s: Content-Type %q", method, path, ct)
	}
	if out != nil && resp.StatusCode < 300 {
		if err := json.Unmarshal(raw, out); err != nil {
			w.t.Fatalf("%s %s: %v\n%s", method, path, err, raw)
		}
	}
	return resp.StatusCode, string(raw)
}

// want checks a status and, for errors, that the message is German and not
// internal.
func (w *apiWorld) want(what string, status, got int, raw string) {
	w.t.Helper()
	if got != status {
		w.t.Fatalf("%s: status %d, want %d\n%s", what, got, status, raw)
	}
	if status >= 400 {
		var e struct{ Error, Code string }
		if err := json.Unmarshal([]byte(raw), &e); err != nil || e.Error == "" || strings.Contains(e.Error, "Interner Fehler") {
			w.t.Fatalf("%s: error body %q", what, raw)
		}
	}
}

// TestInquiryAPIPath walks the whole path with four accounts through the HTTP
// API, and has the wrong account, the wrong state and bad input refused on the
// way with the status the OpenAPI document promises.
func TestInquiryAPIPath(t *testing.T) {
	backends(t, func(t *testing.T, dsn string) {
		var printer ratsinfo.AnswerPrinter
		if bin := os.Getenv("RATSINFO_TEST_CHROMIUM"); bin != "" {
			c, err := pdf.Find(bin)
			if err != nil {
				t.Fatal(err)
			}
			printer = c
		}
		w := newAPIWorld(t, dsn, printer)
		var q inquiry
		create := map[string]any{"title": "Anfrage zum Thema Smart City Offensive", "inquirers": []int64{w.person},
			"preferredCommittee": w.committee,
			"questions": []map[string]any{
				{"text": "Wie hoch waren die Reisekosten der Zukunftsbotschafter?"},
				{"text": "Welche Projekte gibt es?", "points": []string{"Welche laufen?", "Welche sind geplant?"}}}}

		st, raw := w.call("", "POST", "/inquiries", create, nil)
		w.want("no token", http.StatusUnauthorized, st, raw)
		st, raw = w.call(w.otherMember, "POST", "/inquiries", create, nil)
		w.want("another member's name", http.StatusForbidden, st, raw)
		st, raw = w.call(w.member, "POST", "/inquiries", `{"titel": "Tippfehler"}`, nil)
		w.want("unknown field", http.StatusBadRequest, st, raw)
		st, raw = w.call(w.member, "POST", "/inquiries", map[string]any{"title": "Ohne Fragen", "inquirers": []int64{w.person}, "questions": []any{}}, nil)
		w.want("no questions", http.StatusBadRequest, st, raw)
		st, raw = w.call(w.member, "POST", "/inquiries", create, &q)
		w.want("create", http.StatusCreated, st, raw)
		if q.State != "submitted" || len(q.Questions) != 2 || q.Questions[0].Number != 1 || q.Questions[1].Number != 2 {
			t.Fatalf("created: %s", raw)
		}
		path := "/inquiries/" + itoa(int(q.ID))

		st, raw = w.call(w.unitStaff, "PUT", path+"/questions/1/answer", map[string]any{"text": "Zu früh"}, nil)
		w.want("answer before registration", http.StatusForbidden, st, raw)
		st, raw = w.call(w.member, "POST", path+"/register", map[string]any{"receivedOn": "2023-01-16", "unit": w.unit}, nil)
		w.want("member registers", http.StatusForbidden, st, raw)
		st, raw = w.call(w.office, "POST", path+"/register", map[string]any{"receivedOn": "16.01.2023", "unit": w.unit}, nil)
		w.want("German date", http.StatusBadRequest, st, raw)
		st, raw = w.call(w.office, "POST", path+"/register", map[string]any{"receivedOn": "2023-01-16", "unit": w.unit, "period": "P1M"}, &q)
		w.want("register", http.StatusOK, st, raw)
		if q.State != "registered" || q.Deadline != "2023-02-16" || q.Reference != "A 23/0001" || q.Paper == "" {
			t.Fatalf("registered: %s", raw)
		}

		st, raw = w.call(w.unitStaff, "PUT", path+"/questions/1/answer", map[string]any{"text": "Die Reisekosten betrugen 1.234,56 Euro."}, &q)
		w.want("answer 1", http.StatusOK, st, raw)
		st, raw = w.call(w.unitStaff, "PUT", path+"/questions/1/answer", map[string]any{"text": "Überschreiben ohne Stand"}, nil)
		w.want("overwrite without answerModified", http.StatusConflict, st, raw)
		st, raw = w.call(w.unitStaff, "PUT", path+"/questions/2/answer",
			map[string]any{"text": "- Knotenpunkt-Zählung\n- Parkraumsensoren <script>alert(1)</script>"}, &q)
		w.want("answer 2", http.StatusOK, st, raw)
		st, raw = w.call(w.unitStaff, "PUT", path+"/questions/3/answer", map[string]any{"text": "?"}, nil)
		w.want("answer a missing question", http.StatusNotFound, st, raw)
		st, raw = w.call(w.unitStaff, "POST", path+"/submit-answer", nil, &q)
		w.want("submit answer", http.StatusOK, st, raw)
		st, raw = w.call(w.sig, "POST", path+"/sign-off", map[string]any{"comment": "ohne Entscheidung"}, nil)
		w.want("sign-off without approve", http.StatusBadRequest, st, raw)
		st, raw = w.call(w.sig, "POST", path+"/sign-off", map[string]any{"approve": true}, &q)
		w.want("sign off", http.StatusOK, st, raw)
		st, raw = w.call(w.sig, "POST", path+"/sign-off", map[string]any{"approve": true}, nil)
		w.want("sign off twice", http.StatusConflict, st, raw)
		st, raw = w.call(w.sig, "POST", path+"/publish", nil, nil)
		if printer == nil {
			w.want("publish without a PDF program", http.StatusServiceUnavailable, st, raw)
			testenv.Getenv(t, "RATSINFO_TEST_CHROMIUM", "Browsertests (PDF der Antwort)") // skips: the rest needs the browser
		}
		w.want("sign-off publishes", http.StatusForbidden, st, raw)
		st, raw = w.call(w.office, "POST", path+"/publish", nil, &q)
		w.want("publish", http.StatusOK, st, raw)
		if q.State != "published" || !strings.HasPrefix(q.AnswerPaper, w.url+"/oparl/v1.1/paper/") {
			t.Fatalf("published: %s", raw)
		}

		// The public record: the answer paper, its PDF and its text.
		sys := ratsinfo.SystemContext(context.Background())
		var inq ratsinfo.Inquiry
		found, err := w.db.FindInquiry(context.Background(), q.ID)
		if err != nil {
			t.Fatal(err)
		}
		inq = *found
		answer, err := w.db.FindPaperByID(context.Background(), inq.AnswerPaperID)
		if err != nil {
			t.Fatal(err)
		}
		if answer.Name != "Beantwortung der Anfrage von Herrn Pender zum Thema Smart City Offensive vom 16.01.2023" {
			t.Errorf("answer title %q", answer.Name)
		}
		file, err := w.db.FindFileByID(sys, answer.MainFileID)
		if err != nil {
			t.Fatal(err)
		}
		content, err := w.blobs.Open(context.Background(), file.BlobKey)
		if err != nil {
			t.Fatal(err)
		}
		defer content.Close()
		pdfPath := filepath.Join(t.TempDir(), file.FileName)
		b, _ := io.ReadAll(content)
		os.WriteFile(pdfPath, b, 0o644)
		text, err := exec.Command("pdftotext", pdfPath, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		for _, want := range []string{"Beratungsfolge", "Hauptausschuss", "Anhörung", "Frage 2", "Parkraumsensoren <script>"} {
			if !strings.Contains(string(text), want) {
				t.Errorf("answer PDF lacks %q:\n%s", want, text)
			}
		}

		var events struct{ Data []event }
		st, raw = w.call(w.otherMember, "GET", path+"/events", nil, &events)
		w.want("public timeline", http.StatusOK, st, raw)
		var actions []string
		for _, e := range events.Data {
			actions = append(actions, e.Action)
		}
		if got := strings.Join(actions, " "); got != "submit register publish" {
			t.Errorf("timeline for another member: %q", got)
		}
	})
}

// TestOpenAPIMatchesRoutes keeps the OpenAPI document and the routes equal:
// every route has its operationId at its path and method, and the document
// names no operation that does not exist.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	var doc struct {
		OpenAPI string                                             `json:"openapi"`
		Paths   map[string]map[string]struct{ OperationID string } `json:"paths"`
	}
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if doc.OpenAPI != "3.1.0" {
		t.Errorf("openapi %q", doc.OpenAPI)
	}
	inDoc := map[string]string{}
	for path, ops := range doc.Paths {
		for method, op := range ops {
			inDoc[op.OperationID] = strings.ToUpper(method) + " " + path
		}
	}
	routes := map[string]string{"getMe": "GET /me"}
	for _, op := range (&Server{}).inquiryOperations() {
		routes[op.id] = op.method + " " + op.path
	}
	for id, route := range routes {
		if inDoc[id] != route {
			t.Errorf("route %s %q is %q in openapi.json", id, route, inDoc[id])
		}
	}
	for id := range inDoc {
		if _, ok := routes[id]; !ok {
			t.Errorf("openapi.json names %s, which has no route", id)
		}
	}
	for _, id := range []string{"createInquiry", "registerInquiry", "answerQuestion", "extendDeadline", "giveInterimAnswer",
		"submitAnswer", "signOffAnswer", "publishAnswer", "getInquiry", "listInquiries"} {
		if _, ok := routes[id]; !ok {
			t.Errorf("operation %s promised by the issue is missing", id)
		}
	}
}
