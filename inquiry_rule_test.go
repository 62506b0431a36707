package ratsinfo

import (
	"strings"
	"testing"
)

// TestInquiryRuleDeadline is the arithmetic of the deadline rules: a period
// after receipt or after the meeting counts forward and gives way to the next
// working day (§§ 187(1), 188, 193 BGB); days before the meeting count
// backwards and move to the working day before.
func TestInquiryRuleDeadline(t *testing.T) {
	d := NewDate
	var zero Date
	tests := []struct {
		name              string
		basis             DeadlineBasis
		period            string
		received, meeting Date
		want              Date
		moved             bool
		wantErr           string // a part of the German message
	}{
		{"two weeks after receipt", AfterReceipt, "P2W", d(2023, 1, 16), zero, d(2023, 1, 30), false, ""},
		{"one month after receipt, month end", AfterReceipt, "P1M", d(2023, 1, 31), zero, d(2023, 2, 28), false, ""},
		{"three weeks after receipt end on Ostermontag", AfterReceipt, "P3W", d(2024, 3, 11), zero, d(2024, 4, 2), true, ""},
		{"after receipt needs no meeting, ignores one", AfterReceipt, "P2W", d(2023, 1, 16), d(2023, 1, 18), d(2023, 1, 30), false, ""},
		{"ten days after the meeting", AfterMeeting, "P10D", d(2023, 2, 1), d(2023, 2, 27), d(2023, 3, 9), false, ""},
		{"ten days after the meeting end on a Saturday", AfterMeeting, "P10D", d(2023, 3, 1), d(2023, 3, 22), d(2023, 4, 3), true, ""},
		{"seven days before a Monday meeting", BeforeMeeting, "P7D", d(2023, 2, 1), d(2023, 2, 27), d(2023, 2, 20), false, ""},
		{"one week is seven days", BeforeMeeting, "P1W", d(2023, 2, 1), d(2023, 2, 27), d(2023, 2, 20), false, ""},
		{"before the meeting across Easter moves earlier", BeforeMeeting, "P7D", d(2024, 3, 1), d(2024, 4, 8), d(2024, 3, 28), true, ""},
		{"before the meeting on 29 February", BeforeMeeting, "P7D", d(2024, 2, 1), d(2024, 3, 7), d(2024, 2, 29), false, ""},
		{"before the meeting, Saturday moves to Friday", BeforeMeeting, "P2D", d(2023, 2, 1), d(2023, 2, 27), d(2023, 2, 24), true, ""},
		{"on the day of receipt is still in time", BeforeMeeting, "P7D", d(2023, 2, 20), d(2023, 2, 27), d(2023, 2, 20), false, ""},
		{"meeting too early for the rule", BeforeMeeting, "P7D", d(2023, 2, 25), d(2023, 2, 27), zero, false, "vor dem Eingang"},
		{"before the meeting without a meeting", BeforeMeeting, "P7D", d(2023, 2, 1), zero, zero, false, "Bitte die Sitzung angeben"},
		{"after the meeting without a meeting", AfterMeeting, "P10D", d(2023, 2, 1), zero, zero, false, "Bitte die Sitzung angeben"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ParsePeriod(tt.period)
			if err != nil {
				t.Fatal(err)
			}
			r := InquiryRule{BodyID: 1, PaperType: PaperTypeInquiry, Basis: tt.basis, Period: p}
			if err := r.Validate(); err != nil {
				t.Fatalf("rule %+v: %v", r, err)
			}
			got, err := r.Deadline(tt.received, tt.meeting, StateSH)
			if tt.wantErr != "" {
				if ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), tt.wantErr) {
					t.Fatalf("error %v, want EINVALID with %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Day != tt.want || (got.MovedBecause != "") != tt.moved {
				t.Errorf("deadline %s (%s), want %s moved=%v", got.Day, got.Explain(), tt.want, tt.moved)
			}
		})
	}
}

// TestInquiryRuleValidate refuses rules that cannot be computed, in German.
func TestInquiryRuleValidate(t *testing.T) {
	tests := []struct {
		name  string
		rule  InquiryRule
		field string
	}{
		{"months before a meeting", InquiryRule{BodyID: 1, Basis: BeforeMeeting, Period: Period{Months: 1}}, "period"},
		{"no period", InquiryRule{BodyID: 1, Basis: AfterReceipt}, "period"},
		{"more than a year", InquiryRule{BodyID: 1, Basis: AfterReceipt, Period: Period{Days: 400}}, "period"},
		{"unknown basis", InquiryRule{BodyID: 1, Basis: "whenever", Period: Period{Weeks: 2}}, "basis"},
		{"unknown paper type", InquiryRule{BodyID: 1, PaperType: "Beschlussvorlage", Basis: AfterReceipt, Period: Period{Weeks: 2}}, "paperType"},
		{"no body", InquiryRule{Basis: AfterReceipt, Period: Period{Weeks: 2}}, "body"},
	}
	for _, tt := range tests {
		err := tt.rule.Validate()
		e, ok := err.(*Error)
		if !ok || e.Code != EINVALID || e.Fields[tt.field] == "" {
			t.Errorf("%s: %v, want a message for %s", tt.name, err, tt.field)
		}
	}
	r := InquiryRule{BodyID: 1, Basis: AfterReceipt, Period: Period{Weeks: 2}}
	if err := r.Validate(); err != nil || r.PaperType != PaperTypeInquiry {
		t.Fatalf("empty paper type: %v, %q", err, r.PaperType)
	}
	if got := r.German(); got != "2 Wochen nach Eingang der Anfrage" {
		t.Errorf("German %q", got)
	}
}

// TestRegistrationWithRule: the office's date beats its period, its period
// beats the body's rule, the rule beats the default; overriding the rule
// needs a reason.
func TestRegistrationWithRule(t *testing.T) {
	d := NewDate
	twoWeeks := &InquiryRule{BodyID: 1, PaperType: PaperTypeInquiry, Basis: AfterReceipt, Period: Period{Weeks: 2}}
	beforeMeeting := &InquiryRule{BodyID: 1, PaperType: PaperTypeMajorInquiry, Basis: BeforeMeeting, Period: Period{Days: 7}}
	received := d(2023, 1, 16)
	tests := []struct {
		name      string
		reg       Registration
		want      Date
		period    string
		overrides bool
	}{
		{"no rule: one month", Registration{ReceivedOn: received}, d(2023, 2, 16), "P1M", false},
		{"the rule's period", Registration{ReceivedOn: received, Rule: twoWeeks}, d(2023, 1, 30), "P2W", false},
		{"the rule's period given again", Registration{ReceivedOn: received, Rule: twoWeeks, Period: Period{Weeks: 2}}, d(2023, 1, 30), "P2W", false},
		{"another period overrides", Registration{ReceivedOn: received, Rule: twoWeeks, Period: Period{Weeks: 3}}, d(2023, 2, 6), "P3W", true},
		{"a date overrides", Registration{ReceivedOn: received, Rule: twoWeeks, Deadline: d(2023, 3, 1)}, d(2023, 3, 1), "", true},
		{"before the meeting", Registration{ReceivedOn: received, Rule: beforeMeeting, MeetingDay: d(2023, 2, 27)}, d(2023, 2, 20), "", false},
		{"a period instead of the meeting rule", Registration{ReceivedOn: received, Rule: beforeMeeting, Period: Period{Weeks: 2}}, d(2023, 1, 30), "P2W", true},
		{"without a rule a period is no override", Registration{ReceivedOn: received, Period: Period{Weeks: 3}}, d(2023, 2, 6), "P3W", false},
	}
	for _, tt := range tests {
		p, dl, err := tt.reg.ComputeDeadline()
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if dl.Day != tt.want || p.String() != tt.period || tt.reg.Overrides() != tt.overrides {
			t.Errorf("%s: %s, period %q, overrides %v; want %s, %q, %v", tt.name, dl.Day, p, tt.reg.Overrides(), tt.want, tt.period, tt.overrides)
		}
	}
	_, _, err := Registration{ReceivedOn: received, Rule: beforeMeeting}.ComputeDeadline()
	if ErrorCode(err) != EINVALID {
		t.Errorf("meeting rule without a meeting: %v", err)
	}
}
