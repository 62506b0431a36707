package ratsinfo

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// TestInquiryPath walks every state × every action: the allowed steps lead where
// the path says, every other step is refused with a German conflict message.
func TestInquiryPath(t *testing.T) {
	allowed := map[InquiryState]map[InquiryAction]InquiryState{
		InquiryDraft:         {ActionSubmit: InquirySubmitted, ActionWithdraw: InquiryWithdrawn},
		InquirySubmitted:     {ActionRegister: InquiryRegistered, ActionWithdraw: InquiryWithdrawn},
		InquiryRegistered:    {ActionSubmitAnswer: InquiryAnswerDrafted, ActionWithdraw: InquiryWithdrawn},
		InquiryAnswerDrafted: {ActionApprove: InquirySignedOff, ActionSendBack: InquiryRegistered},
		InquirySignedOff:     {ActionPublish: InquiryPublished, ActionSendBack: InquiryRegistered},
	}
	actions := []InquiryAction{ActionSubmit, ActionRegister, ActionSubmitAnswer, ActionApprove, ActionSendBack, ActionPublish, ActionWithdraw}
	refused := 0
	for _, st := range InquiryStates() {
		for _, a := range actions {
			next, err := st.Next(a)
			want, ok := allowed[st][a]
			switch {
			case ok && (err != nil || next != want):
				t.Errorf("%s --%s--> %q, %v; want %s", st, a, next, err, want)
			case !ok && ErrorCode(err) != ECONFLICT:
				t.Errorf("%s --%s--> %q, %v; want a conflict", st, a, next, err)
			case !ok:
				refused++
				msg := ErrorMessage(err)
				if !strings.Contains(msg, st.German()) || strings.Contains(msg, string(a)) {
					t.Errorf("%s --%s--> message %q should name the state in German and not the API word", st, a, msg)
				}
			}
		}
	}
	if refused != 7*7-10 {
		t.Errorf("%d steps refused, want %d", refused, 7*7-10)
	}
	if _, err := InquiryState("lost").Next(ActionSubmit); ErrorCode(err) != EINVALID {
		t.Errorf("unknown state: %v", err)
	}
	if _, err := InquiryDraft.Next("jump"); ErrorCode(err) != EINVALID {
		t.Errorf("unknown action: %v", err)
	}
}

func validInquiry() *Inquiry {
	return &Inquiry{
		BodyID:            1,
		Title:             " Anfrage zum Thema Smart City Offensive ",
		InquirerPersonIDs: []int64{7},
		Questions: []Question{
			{Number: 5, Text: "Wie hoch waren die Reisekosten?"},
			{Text: "Welche Projekte gibt es?", Points: []string{"Welche laufen?", "", "Welche sind geplant?"}},
		},
	}
}

func TestInquiryValidate(t *testing.T) {
	q := validInquiry()
	if err := q.Validate(); err != nil {
		t.Fatal(err)
	}
	if q.Title != "Anfrage zum Thema Smart City Offensive" {
		t.Errorf("title not trimmed: %q", q.Title)
	}
	if q.Questions[0].Number != 1 || q.Questions[1].Number != 2 {
		t.Errorf("questions not renumbered: %d, %d", q.Questions[0].Number, q.Questions[1].Number)
	}
	if got := q.Questions[1].Points; len(got) != 2 || got[1] != "Welche sind geplant?" {
		t.Errorf("empty sub-point not dropped: %q", got)
	}
	if PointLabel(1) != "b)" {
		t.Errorf("PointLabel(1) = %q", PointLabel(1))
	}

	many := make([]Question, 500)
	for i := range many {
		many[i].Text = fmt.Sprintf("Frage %d?", i+1)
	}
	bad := []struct {
		name  string
		edit  func(*Inquiry)
		field string
		says  string
	}{
		{"no title", func(q *Inquiry) { q.Title = "  " }, "title", "darf nicht leer sein"},
		{"no questions", func(q *Inquiry) { q.Questions = nil }, "questions", "mindestens eine Frage"},
		{"500 questions", func(q *Inquiry) { q.Questions = many }, "questions", "höchstens 100"},
		{"empty question", func(q *Inquiry) { q.Questions[1].Text = " \n" }, "questions[2]", "Frage 2 ist leer"},
		{"1 MB answer", func(q *Inquiry) { q.Questions[0].Answer = strings.Repeat("Antwort ", 1<<17) }, "questions[1].answer", "zu lang"},
		{"NUL in question", func(q *Inquiry) { q.Questions[0].Text = "Frage\x00" }, "questions[1]", "Steuerzeichen"},
		{"nobody asks", func(q *Inquiry) { q.InquirerPersonIDs = nil }, "inquirers", "wer fragt"},
		{"no body", func(q *Inquiry) { q.BodyID = 0 }, "body", "Körperschaft"},
		{"deadline before receipt", func(q *Inquiry) {
			q.ReceivedOn = NewDate(2023, 1, 16)
			q.Deadline = Deadline{Day: NewDate(2023, 1, 10)}
		}, "deadline", "vor dem Eingang"},
		{"27 sub-points", func(q *Inquiry) {
			q.Questions[0].Points = strings.Split(strings.Repeat("x,", 27)[:53], ",")
		}, "questions[1]", "Unterpunkte"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			q := validInquiry()
			tt.edit(q)
			err := q.Validate()
			if ErrorCode(err) != EINVALID {
				t.Fatalf("Validate() = %v, want EINVALID", err)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("%T is no *Error", err)
			}
			fields := e.Fields
			if !strings.Contains(fields[tt.field], tt.says) {
				t.Fatalf("field %s says %q, want it to contain %q (all: %v)", tt.field, fields[tt.field], tt.says, fields)
			}
		})
	}

	outside := validInquiry()
	outside.InquirerPersonIDs = nil
	outside.ExternalInquirer = "Herr Pender (MdL)"
	if err := outside.Validate(); err != nil {
		t.Errorf("an inquirer from outside the council is enough: %v", err)
	}
}

func TestInquiryOverdue(t *testing.T) {
	q := validInquiry()
	today := NewDate(2023, 2, 1)
	if q.Overdue(today) {
		t.Error("no deadline: not overdue")
	}
	q.State = InquiryRegistered
	q.Deadline = Deadline{Day: NewDate(2023, 1, 31)}
	if !q.Overdue(today) {
		t.Error("deadline passed without an answer: overdue")
	}
	if q.Overdue(NewDate(2023, 1, 31)) {
		t.Error("on the deadline's own day the answer is still on time")
	}
	for _, st := range []InquiryState{InquiryPublished, InquiryWithdrawn} {
		q.State = st
		if q.Overdue(today) {
			t.Errorf("%s: not overdue", st)
		}
	}
}

func TestParseInquiryState(t *testing.T) {
	for _, st := range InquiryStates() {
		if got, err := ParseInquiryState(string(st)); err != nil || got != st {
			t.Errorf("ParseInquiryState(%q) = %q, %v", st, got, err)
		}
		if st.German() == string(st) {
			t.Errorf("%s has no German name", st)
		}
	}
	if _, err := ParseInquiryState("offen"); ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), "answer_drafted") {
		t.Errorf("ParseInquiryState(offen) = %v", err)
	}
}
