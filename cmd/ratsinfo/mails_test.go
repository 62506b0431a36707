package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/internal/mailtest"
	"github.com/ratsinfo/ratsinfo/jobs"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// TestServeSendsInquiryMails: `serve` runs the mail jobs with the sender of
// --smtp-url and the links of --base-url: an inquiry submitted and registered
// in its data folder reaches the inquirer and the unit through a real SMTP
// server.
func TestServeSendsInquiryMails(t *testing.T) {
	mp := mailtest.Start(t)
	dir := t.TempDir()
	ctx := context.Background()
	sys := ratsinfo.SystemContext(ctx)
	db, err := sqldb.Open(ctx, filepath.Join(dir, "ratsinfo.db"), sqldb.Options{Migrate: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := jobs.Migrate(ctx, db.Dialect(), db.JobPool(), nil); err != nil {
		t.Fatal(err)
	}
	check := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	body := &ratsinfo.Body{Name: "Stadt Norderstedt"}
	check(db.CreateBody(sys, body))
	person := &ratsinfo.Person{BodyID: body.ID, GivenName: "Erika", FamilyName: "Muster"}
	check(db.CreatePerson(sys, person))
	unit := &ratsinfo.Organization{BodyID: body.ID, Name: "Amt für Stadtentwicklung", OrganizationType: ratsinfo.OrgTypeAdminUnit}
	check(db.CreateOrganization(sys, unit))
	as := func(email string, g ratsinfo.Grant) context.Context {
		g.BodyID = body.ID
		a := &ratsinfo.Account{Email: email, Name: "Konto", Grants: []ratsinfo.Grant{g}}
		check(db.CreateAccount(sys, a))
		return ratsinfo.WithViewer(ctx, ratsinfo.AccountViewer(a))
	}
	member := as("erika@example.org", ratsinfo.Grant{Role: ratsinfo.GrantCouncilMember, PersonID: person.ID})
	office := as("buero@example.org", ratsinfo.Grant{Role: ratsinfo.GrantCouncilOffice})
	as("amt@example.org", ratsinfo.Grant{Role: ratsinfo.GrantUnit, OrganizationID: unit.ID})
	q := &ratsinfo.Inquiry{BodyID: body.ID, Title: "Radwege", InquirerPersonIDs: []int64{person.ID},
		Questions: []ratsinfo.Question{{Text: "Wann wird der Radweg gebaut?"}}}
	check(db.CreateInquiry(member, q))
	_, err = db.StepInquiry(member, q.ID, ratsinfo.ActionSubmit, "")
	check(err)
	_, err = db.RegisterInquiry(office, q.ID, ratsinfo.Registration{ReceivedOn: ratsinfo.NewDate(2023, 3, 31), UnitID: unit.ID})
	check(err)
	check(db.Close())

	startServer(t, "--data-dir", dir, "--smtp-url", mp.SMTPURL, "--base-url", "https://rat.norderstedt.de", "--reminder-days", "5")
	// Receipt (member, office), registration (member, unit); the deadline
	// (02.05.2023) passed long ago: an overdue notice to unit and office.
	deadline := time.Now().Add(time.Minute)
	for {
		msgs := mp.Messages(t)
		if len(msgs) == 6 {
			var reg string
			for _, m := range msgs {
				if m.To[0] == "amt@example.org" && strings.Contains(m.Subject, "registriert") {
					reg = m.Text
				}
			}
			if !strings.Contains(reg, "https://rat.norderstedt.de/buero/anfragen/") || !strings.Contains(reg, "Frist bis 02.05.2023") {
				t.Fatalf("registration mail to the unit:\n%s\nall: %v", reg, msgs)
			}
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d mails after a minute, want 6: %v", len(msgs), msgs)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestReminderDaysSetting: a reminder day count out of range is refused with
// the setting's name.
func TestReminderDaysSetting(t *testing.T) {
	code, _, errOut := run(t, "serve", "--data-dir", t.TempDir(), "--reminder-days", "0")
	if code == 0 || !strings.Contains(errOut, "--reminder-days (RATSINFO_REMINDER_DAYS) muss eine ganze Zahl von 1 bis 60 sein") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
}
