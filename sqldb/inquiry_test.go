package sqldb

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// inquiryPeople are the viewers of the inquiry tests: one per role, plus a
// council member who does not ask and a second editor of the answering unit.
type inquiryPeople struct {
	member, otherMember, office, unit, unit2, otherUnit, signer, public context.Context
	body, person, faction, unitOrg                                      int64
}

func newInquiryPeople(t *testing.T, db *DB) *inquiryPeople {
	t.Helper()
	c := newCity(t, db)
	body := c.body.ID
	other := &ratsinfo.Person{BodyID: body, GivenName: "Max", FamilyName: "Beispiel"}
	must(t, db.CreatePerson(writer, other))
	faction := &ratsinfo.Organization{BodyID: body, Name: "Fraktion Bürgerliste", OrganizationType: ratsinfo.OrgTypeFaction}
	must(t, db.CreateOrganization(writer, faction))
	unit := &ratsinfo.Organization{BodyID: body, Name: "Amt für Stadtentwicklung", OrganizationType: ratsinfo.OrgTypeAdminUnit}
	must(t, db.CreateOrganization(writer, unit))
	otherUnit := &ratsinfo.Organization{BodyID: body, Name: "Amt für Finanzen", OrganizationType: ratsinfo.OrgTypeAdminUnit}
	must(t, db.CreateOrganization(writer, otherUnit))
	as := func(id int64, g ratsinfo.Grant) context.Context {
		g.BodyID = body
		return ratsinfo.WithViewer(context.Background(), ratsinfo.Viewer{UserID: id, Role: ratsinfo.RoleStaff, Grants: []ratsinfo.Grant{g}})
	}
	return &inquiryPeople{
		member:      as(101, ratsinfo.Grant{Role: ratsinfo.GrantCouncilMember, PersonID: c.person.ID}),
		otherMember: as(102, ratsinfo.Grant{Role: ratsinfo.GrantCouncilMember, PersonID: other.ID}),
		office:      as(103, ratsinfo.Grant{Role: ratsinfo.GrantCouncilOffice}),
		unit:        as(104, ratsinfo.Grant{Role: ratsinfo.GrantUnit, OrganizationID: unit.ID}),
		unit2:       as(105, ratsinfo.Grant{Role: ratsinfo.GrantUnit, OrganizationID: unit.ID}),
		otherUnit:   as(106, ratsinfo.Grant{Role: ratsinfo.GrantUnit, OrganizationID: otherUnit.ID}),
		signer:      as(107, ratsinfo.Grant{Role: ratsinfo.GrantSignOff}),
		public:      context.Background(),
		body:        body, person: c.person.ID, faction: faction.ID, unitOrg: unit.ID,
	}
}

func (p *inquiryPeople) draft() *ratsinfo.Inquiry {
	return &ratsinfo.Inquiry{
		BodyID: p.body, Title: "Anfrage zum Thema Smart City Offensive", InquirerPersonIDs: []int64{p.person},
		Questions: []ratsinfo.Question{
			{Text: "Wie hoch waren die Reisekosten der Zukunftsbotschafter?"},
			{Text: "Welche Projekte gibt es?", Points: []string{"Welche laufen?", "Welche sind geplant?"}},
		},
	}
}

func wantStep(t *testing.T, what string, err error, code string) {
	t.Helper()
	if got := ratsinfo.ErrorCode(err); got != code {
		t.Fatalf("%s: error %v (code %q), want code %q", what, err, got, code)
	}
	if code != "" && strings.Contains(ratsinfo.ErrorMessage(err), "Interner Fehler") {
		t.Fatalf("%s: %v is no German explanation", what, err)
	}
}

// TestInquiryPath walks one inquiry from draft to sign-off with one account per
// role, and has every wrong role and every wrong step refused on the way.
func TestInquiryPath(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, _ *clock) {
		p := newInquiryPeople(t, db)
		q := p.draft()
		wantStep(t, "a council member asking in another's name", db.CreateInquiry(p.otherMember, q), ratsinfo.EFORBIDDEN)
		wantStep(t, "the public asks without login", db.CreateInquiry(p.public, p.draft()), ratsinfo.EUNAUTHORIZED)
		must(t, db.CreateInquiry(p.member, q))
		if q.State != ratsinfo.InquiryDraft || q.Questions[1].Number != 2 {
			t.Fatalf("created: state %s, numbers %v", q.State, q.Questions)
		}

		// A draft is the inquirer's own.
		for name, ctx := range map[string]context.Context{"public": p.public, "office": p.office, "other member": p.otherMember, "signer": p.signer} {
			_, err := db.FindInquiry(ctx, q.ID)
			wantStep(t, name+" reads a draft", err, ratsinfo.ENOTFOUND)
			list, err := db.FindInquiries(ctx, ratsinfo.InquiryFilter{BodyID: p.body})
			must(t, err)
			if len(list) != 0 {
				t.Fatalf("%s lists a draft: %v", name, list)
			}
		}
		_, err := db.StepInquiry(p.office, q.ID, ratsinfo.ActionRegister, "")
		wantStep(t, "register through StepInquiry", err, ratsinfo.EINVALID)

		// Editing with the Modified loaded; a stale one is refused.
		loaded := reloadInquiry(t, db, p.member, q.ID)
		loaded.Questions = append(loaded.Questions, ratsinfo.Question{Text: "Was kostet das Knotenpunkt-Projekt?"})
		must(t, db.UpdateInquiry(p.member, loaded))
		stale := p.draft()
		stale.ID, stale.Modified = q.ID, q.Modified
		wantStep(t, "stale edit", db.UpdateInquiry(p.member, stale), ratsinfo.ECONFLICT)

		q, err = db.StepInquiry(p.member, q.ID, ratsinfo.ActionSubmit, "")
		must(t, err)
		pub, err := db.FindInquiry(p.public, q.ID)
		must(t, err)
		if len(pub.Questions) != 3 || pub.CreatedBy != 0 {
			t.Fatalf("public form of a submitted inquiry: %+v", pub)
		}

		// Registration: only the office, with a deadline by §§ 187 ff. BGB.
		reg := ratsinfo.Registration{ReceivedOn: ratsinfo.NewDate(2023, 3, 31), UnitID: p.unitOrg}
		_, err = db.RegisterInquiry(p.member, q.ID, reg)
		wantStep(t, "member registers", err, ratsinfo.EFORBIDDEN)
		q, err = db.RegisterInquiry(p.office, q.ID, reg)
		must(t, err)
		if q.Reference != "A 23/0001" || q.Deadline.Day != ratsinfo.NewDate(2023, 5, 2) || q.State != ratsinfo.InquiryRegistered {
			t.Fatalf("registered: %s, deadline %s (%s), %s", q.Reference, q.Deadline.Day, q.Deadline.Explain(), q.State)
		}
		_, err = db.RegisterInquiry(p.office, q.ID, reg)
		wantStep(t, "register twice", err, ratsinfo.ECONFLICT)

		// Answers: the unit only; two editors never overwrite each other.
		_, err = db.AnswerQuestion(p.otherUnit, q.ID, 1, "Nicht zuständig.", time.Time{})
		wantStep(t, "another unit answers", err, ratsinfo.EFORBIDDEN)
		_, err = db.AnswerQuestion(p.unit, q.ID, 4, "Es gibt keine vierte Frage.", time.Time{})
		wantStep(t, "answer to a missing question", err, ratsinfo.ENOTFOUND)
		q, err = db.AnswerQuestion(p.unit, q.ID, 1, "Die Reisekosten betrugen 1.234,56 Euro.", time.Time{})
		must(t, err)
		_, err = db.AnswerQuestion(p.unit2, q.ID, 1, "Eine zweite Fassung.", time.Time{})
		wantStep(t, "second editor with a stale answer", err, ratsinfo.ECONFLICT)
		_, err = db.StepInquiry(p.unit, q.ID, ratsinfo.ActionSubmitAnswer, "")
		wantStep(t, "hand in with unanswered questions", err, ratsinfo.EINVALID)
		q, err = db.AnswerQuestion(p.unit2, q.ID, 2, "- Radwege\n- Sensoren", time.Time{})
		must(t, err)
		q, err = db.AnswerQuestion(p.unit, q.ID, 3, "Siehe https://www.norderstedt.de/.", time.Time{})
		must(t, err)

		pub, err = db.FindInquiry(p.public, q.ID)
		must(t, err)
		for _, qu := range pub.Questions {
			if qu.Answer != "" || qu.AnswerBy != 0 {
				t.Fatalf("the public reads an unpublished answer: %+v", qu)
			}
		}

		// Sign-off: never by someone who wrote an answer.
		q, err = db.StepInquiry(p.unit, q.ID, ratsinfo.ActionSubmitAnswer, "")
		must(t, err)
		_, err = db.StepInquiry(p.unit, q.ID, ratsinfo.ActionApprove, "")
		wantStep(t, "the drafter signs off", err, ratsinfo.EFORBIDDEN)
		_, err = db.StepInquiry(p.office, q.ID, ratsinfo.ActionApprove, "")
		wantStep(t, "the office signs off", err, ratsinfo.EFORBIDDEN)
		_, err = db.StepInquiry(p.signer, q.ID, ratsinfo.ActionSendBack, "")
		wantStep(t, "send back without a comment", err, ratsinfo.EINVALID)
		q, err = db.StepInquiry(p.signer, q.ID, ratsinfo.ActionSendBack, "Bitte die Kosten aufschlüsseln.")
		must(t, err)
		loadedAnswer := q.Questions[0].AnswerModified
		q, err = db.AnswerQuestion(p.unit, q.ID, 1, "Reisekosten 1.000,00 Euro, Übernachtung 234,56 Euro.", loadedAnswer)
		must(t, err)
		q, err = db.StepInquiry(p.unit, q.ID, ratsinfo.ActionSubmitAnswer, "")
		must(t, err)
		q, err = db.StepInquiry(p.signer, q.ID, ratsinfo.ActionApprove, "")
		must(t, err)
		if q.State != ratsinfo.InquirySignedOff {
			t.Fatalf("state %s", q.State)
		}
		_, err = db.StepInquiry(p.member, q.ID, ratsinfo.ActionWithdraw, "")
		wantStep(t, "withdraw a signed-off answer", err, ratsinfo.ECONFLICT)

		// Publishing writes the answer paper, linked both ways with the inquiry's.
		doc := ratsinfo.AnswerDocument{Title: "Beantwortung der Anfrage von Frau Muster zum Thema Smart City Offensive vom 31.03.2023"}
		file := ratsinfo.PublishedFile{BlobKey: "ab" + strings.Repeat("0", 62), Size: 1234, FileName: "Beantwortung_A_23-0001.pdf",
			Text: "Frage 1 Reisekosten Antwort 1.000,00 Euro"}
		_, err = db.PublishInquiry(p.signer, q.ID, doc, file)
		wantStep(t, "sign-off publishes", err, ratsinfo.EFORBIDDEN)
		q, err = db.PublishInquiry(p.office, q.ID, doc, file)
		must(t, err)
		if q.State != ratsinfo.InquiryPublished || q.AnswerPaperID == 0 || q.PaperID == 0 {
			t.Fatalf("published: %+v", q)
		}
		answer, err := db.FindPaperByID(p.public, q.AnswerPaperID)
		must(t, err)
		inquiryPaper, err := db.FindPaperByID(p.public, q.PaperID)
		must(t, err)
		if answer.Reference != "A 23/0001-1" || answer.PaperType != ratsinfo.PaperTypeAnswer || answer.MainFileID == 0 ||
			len(answer.RelatedPaperIDs) != 1 || answer.RelatedPaperIDs[0] != inquiryPaper.ID ||
			len(inquiryPaper.RelatedPaperIDs) != 1 || inquiryPaper.RelatedPaperIDs[0] != answer.ID ||
			inquiryPaper.Reference != "A 23/0001" || inquiryPaper.PaperType != ratsinfo.PaperTypeInquiry {
			t.Fatalf("answer %+v\ninquiry paper %+v", answer, inquiryPaper)
		}
		mainFile, err := db.FindFileByID(p.public, answer.MainFileID)
		must(t, err)
		if mainFile.MimeType != "application/pdf" || !strings.Contains(mainFile.Text, "Reisekosten") {
			t.Fatalf("answer file %+v", mainFile)
		}
		pub, err = db.FindInquiry(p.public, q.ID)
		must(t, err)
		if !strings.Contains(pub.Questions[0].Answer, "Übernachtung") {
			t.Fatalf("the public does not read the published answer: %+v", pub.Questions[0])
		}

		// The audit trail names every step, who took it and from where to where.
		events, err := db.InquiryEvents(p.office, q.ID)
		must(t, err)
		var trail []string
		for _, e := range events {
			trail = append(trail, e.Action+":"+string(e.To))
		}
		want := "create:draft edit:draft submit:submitted register:registered answer:registered answer:registered answer:registered " +
			"submit_answer:answer_drafted send_back:registered answer:registered submit_answer:answer_drafted approve:signed_off publish:published"
		if got := strings.Join(trail, " "); got != want {
			t.Fatalf("audit trail\n got %s\nwant %s", got, want)
		}
		if events[len(events)-2].ActorID != 107 || !strings.Contains(events[3].Note, "02.05.2023") {
			t.Fatalf("audit trail details: last actor %d, registration note %q", events[len(events)-1].ActorID, events[3].Note)
		}
		timeline, err := db.InquiryEvents(p.public, q.ID)
		must(t, err)
		var public []string
		for _, e := range timeline {
			if e.ActorID != 0 {
				t.Fatalf("the public timeline names an actor: %+v", e)
			}
			public = append(public, e.Action)
		}
		if got := strings.Join(public, " "); got != "submit register publish" {
			t.Fatalf("public timeline %q", got)
		}
	})
}

func reloadInquiry(t *testing.T, db *DB, ctx context.Context, id int64) *ratsinfo.Inquiry {
	t.Helper()
	q, err := db.FindInquiry(ctx, id)
	must(t, err)
	return q
}

// TestInquiryConcurrentAnswers has eight editors save one answer from the same
// loaded state at once: exactly one wins, the others get a conflict.
func TestInquiryConcurrentAnswers(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, _ *clock) {
		p := newInquiryPeople(t, db)
		q := p.draft()
		must(t, db.CreateInquiry(p.member, q))
		_, err := db.StepInquiry(p.member, q.ID, ratsinfo.ActionSubmit, "")
		must(t, err)
		_, err = db.RegisterInquiry(p.office, q.ID, ratsinfo.Registration{ReceivedOn: ratsinfo.NewDate(2023, 1, 16), UnitID: p.unitOrg})
		must(t, err)
		var wg sync.WaitGroup
		var mu sync.Mutex
		codes := map[string]int{}
		for i := range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, err := db.AnswerQuestion(p.unit, q.ID, 1, strings.Repeat("Fassung ", i+1), time.Time{})
				mu.Lock()
				codes[ratsinfo.ErrorCode(err)]++
				mu.Unlock()
			}()
		}
		wg.Wait()
		if codes[""] != 1 || codes[ratsinfo.ECONFLICT] != 7 {
			t.Fatalf("outcomes %v, want exactly one save and seven conflicts", codes)
		}
	})
}

// TestInquiryLists checks who lists what, and the overdue filter.
func TestInquiryLists(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, _ *clock) {
		p := newInquiryPeople(t, db)
		mk := func(title string, submit bool, received ratsinfo.Date) *ratsinfo.Inquiry {
			q := p.draft()
			q.Title = title
			must(t, db.CreateInquiry(p.member, q))
			if submit {
				_, err := db.StepInquiry(p.member, q.ID, ratsinfo.ActionSubmit, "")
				must(t, err)
			}
			if !received.IsZero() {
				_, err := db.RegisterInquiry(p.office, q.ID, ratsinfo.Registration{ReceivedOn: received, UnitID: p.unitOrg})
				must(t, err)
			}
			return q
		}
		mk("Entwurf", false, ratsinfo.Date{})
		mk("Eingereicht", true, ratsinfo.Date{})
		mk("Überfällig", true, ratsinfo.NewDate(2023, 1, 2))
		mk("Fristgerecht", true, ratsinfo.NewDate(2023, 2, 20))
		confidential := mk("Vertraulich", false, ratsinfo.Date{})
		confidential = reloadInquiry(t, db, p.member, confidential.ID)
		confidential.Confidential = true
		must(t, db.UpdateInquiry(p.member, confidential))
		_, err := db.StepInquiry(p.member, confidential.ID, ratsinfo.ActionSubmit, "")
		must(t, err)

		titles := func(ctx context.Context, f ratsinfo.InquiryFilter) string {
			f.BodyID = p.body
			list, err := db.FindInquiries(ctx, f)
			must(t, err)
			var out []string
			for _, q := range list {
				out = append(out, q.Title)
			}
			return strings.Join(out, ",")
		}
		for _, tt := range []struct {
			name string
			ctx  context.Context
			f    ratsinfo.InquiryFilter
			want string
		}{
			{"member", p.member, ratsinfo.InquiryFilter{}, "Vertraulich,Fristgerecht,Überfällig,Eingereicht,Entwurf"},
			{"public", p.public, ratsinfo.InquiryFilter{}, "Fristgerecht,Überfällig,Eingereicht"},
			{"office", p.office, ratsinfo.InquiryFilter{}, "Vertraulich,Fristgerecht,Überfällig,Eingereicht"},
			{"other member", p.otherMember, ratsinfo.InquiryFilter{}, "Fristgerecht,Überfällig,Eingereicht"},
			{"overdue on 2023-03-01", p.office, ratsinfo.InquiryFilter{Overdue: true, Today: ratsinfo.NewDate(2023, 3, 1)}, "Überfällig"},
			{"registered", p.unit, ratsinfo.InquiryFilter{State: ratsinfo.InquiryRegistered}, "Fristgerecht,Überfällig"},
		} {
			if got := titles(tt.ctx, tt.f); got != tt.want {
				t.Errorf("%s lists %q, want %q", tt.name, got, tt.want)
			}
		}
	})
}

// TestInquiryDeadlineChanges covers the interim answer and the extension: who
// may, when, and that both appear in the public timeline with their reason.
func TestInquiryDeadlineChanges(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, _ *clock) {
		p := newInquiryPeople(t, db)
		q := p.draft()
		must(t, db.CreateInquiry(p.member, q))
		_, err := db.ExtendDeadline(p.unit, q.ID, ratsinfo.NewDate(2023, 3, 1), "Zu früh")
		wantStep(t, "extend a draft's deadline", err, ratsinfo.ENOTFOUND)
		_, err = db.StepInquiry(p.member, q.ID, ratsinfo.ActionSubmit, "")
		must(t, err)
		q, err = db.RegisterInquiry(p.office, q.ID, ratsinfo.Registration{ReceivedOn: ratsinfo.NewDate(2023, 1, 16), UnitID: p.unitOrg})
		must(t, err)
		_, err = db.GiveInterimAnswer(p.otherUnit, q.ID, "Wir brauchen länger.")
		wantStep(t, "another unit's interim answer", err, ratsinfo.EFORBIDDEN)
		_, err = db.GiveInterimAnswer(p.unit, q.ID, "  ")
		wantStep(t, "empty interim answer", err, ratsinfo.EINVALID)
		_, err = db.GiveInterimAnswer(p.unit, q.ID, "Die Zahlen des Landes liegen erst im März vor.")
		must(t, err)
		_, err = db.ExtendDeadline(p.member, q.ID, ratsinfo.NewDate(2023, 3, 31), "Bitte")
		wantStep(t, "the inquirer extends", err, ratsinfo.EFORBIDDEN)
		_, err = db.ExtendDeadline(p.unit, q.ID, ratsinfo.NewDate(2023, 2, 1), "Früher")
		wantStep(t, "an extension that shortens", err, ratsinfo.EINVALID)
		_, err = db.ExtendDeadline(p.unit, q.ID, ratsinfo.NewDate(2023, 3, 31), "")
		wantStep(t, "an extension without reason", err, ratsinfo.EINVALID)
		q, err = db.ExtendDeadline(p.office, q.ID, ratsinfo.NewDate(2023, 3, 31), "Landesstatistik erscheint im März")
		must(t, err)
		if q.Deadline.Day != ratsinfo.NewDate(2023, 3, 31) || q.Overdue(ratsinfo.NewDate(2023, 3, 1)) {
			t.Fatalf("deadline after extension: %s", q.Deadline.Day)
		}
		timeline, err := db.InquiryEvents(p.public, q.ID)
		must(t, err)
		var notes []string
		for _, e := range timeline {
			notes = append(notes, e.Action+": "+e.Note)
		}
		got := strings.Join(notes, "\n")
		for _, want := range []string{"interim_answer: Die Zahlen des Landes", "extend_deadline: Frist verlängert vom 16.02.2023 auf den 31.03.2023: Landesstatistik"} {
			if !strings.Contains(got, want) {
				t.Errorf("public timeline lacks %q:\n%s", want, got)
			}
		}
	})
}
