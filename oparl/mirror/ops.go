package mirror

import (
	"context"
	"reflect"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// object is any domain type the mirror writes: it validates itself, carries
// Meta, and knows which of its fields the store fills on reads.
type object interface {
	Validate() error
	Base() *ratsinfo.Meta
	ClearBackRefs()
}

// ops are the store calls of one kind, typed as object so that save stays generic,
// and same, the comparison of two objects of that kind.
type ops struct {
	find   func(s ratsinfo.Store, ctx context.Context, id int64) (object, error)
	create func(s ratsinfo.Store, ctx context.Context, x object) error
	update func(s ratsinfo.Store, ctx context.Context, x object) error
	del    func(s ratsinfo.Store, ctx context.Context, id int64) error
	same   func(a, b object) bool
}

func opsOf[E any, T interface {
	*E
	object
}](
	find func(ratsinfo.Store, context.Context, int64) (T, error),
	create, update func(ratsinfo.Store, context.Context, T) error,
	del func(ratsinfo.Store, context.Context, int64) error,
) ops {
	return ops{
		find: func(s ratsinfo.Store, ctx context.Context, id int64) (object, error) {
			x, err := find(s, ctx, id)
			return x, err
		},
		create: func(s ratsinfo.Store, ctx context.Context, x object) error { return create(s, ctx, x.(T)) },
		update: func(s ratsinfo.Store, ctx context.Context, x object) error { return update(s, ctx, x.(T)) },
		del:    del,
		same: func(a, b object) bool {
			ac, bc := *a.(T), *b.(T) // shallow copies: clearing their fields leaves a and b alone
			return equalData(T(&ac), T(&bc))
		},
	}
}

// kindOps maps each kind to the store's methods (method expressions on the interface).
var kindOps = map[ratsinfo.Kind]ops{
	ratsinfo.KindBody: opsOf(ratsinfo.Store.FindBodyByID, ratsinfo.Store.CreateBody, ratsinfo.Store.UpdateBody, ratsinfo.Store.DeleteBody),
	ratsinfo.KindLegislativeTerm: opsOf(ratsinfo.Store.FindLegislativeTermByID, ratsinfo.Store.CreateLegislativeTerm,
		ratsinfo.Store.UpdateLegislativeTerm, ratsinfo.Store.DeleteLegislativeTerm),
	ratsinfo.KindOrganization: opsOf(ratsinfo.Store.FindOrganizationByID, ratsinfo.Store.CreateOrganization,
		ratsinfo.Store.UpdateOrganization, ratsinfo.Store.DeleteOrganization),
	ratsinfo.KindPerson: opsOf(ratsinfo.Store.FindPersonByID, ratsinfo.Store.CreatePerson, ratsinfo.Store.UpdatePerson, ratsinfo.Store.DeletePerson),
	ratsinfo.KindMembership: opsOf(ratsinfo.Store.FindMembershipByID, ratsinfo.Store.CreateMembership,
		ratsinfo.Store.UpdateMembership, ratsinfo.Store.DeleteMembership),
	ratsinfo.KindMeeting: opsOf(ratsinfo.Store.FindMeetingByID, ratsinfo.Store.CreateMeeting, ratsinfo.Store.UpdateMeeting, ratsinfo.Store.DeleteMeeting),
	ratsinfo.KindAgendaItem: opsOf(ratsinfo.Store.FindAgendaItemByID, ratsinfo.Store.CreateAgendaItem,
		ratsinfo.Store.UpdateAgendaItem, ratsinfo.Store.DeleteAgendaItem),
	ratsinfo.KindPaper: opsOf(ratsinfo.Store.FindPaperByID, ratsinfo.Store.CreatePaper, ratsinfo.Store.UpdatePaper, ratsinfo.Store.DeletePaper),
	ratsinfo.KindConsultation: opsOf(ratsinfo.Store.FindConsultationByID, ratsinfo.Store.CreateConsultation,
		ratsinfo.Store.UpdateConsultation, ratsinfo.Store.DeleteConsultation),
	ratsinfo.KindFile:     opsOf(ratsinfo.Store.FindFileByID, ratsinfo.Store.CreateFile, ratsinfo.Store.UpdateFile, ratsinfo.Store.DeleteFile),
	ratsinfo.KindLocation: opsOf(ratsinfo.Store.FindLocationByID, ratsinfo.Store.CreateLocation, ratsinfo.Store.UpdateLocation, ratsinfo.Store.DeleteLocation),
}

// equalData reports whether two copies of objects of one type hold the same data,
// ignoring ids, timestamps, the deletion flag and the back-references the store
// fills on reads, with nil and empty lists equal. Comparing before writing keeps
// re-imports from touching modified or the change feed. It clears those fields
// of a and b, which must be copies.
func equalData(a, b object) bool {
	for _, x := range []object{a, b} {
		x.ClearBackRefs()
		m := x.Base()
		m.ID, m.Created, m.Modified, m.Deleted = 0, time.Time{}, time.Time{}, false
	}
	return equalValue(reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem())
}

// equalValue compares field by field; reflect.DeepEqual would not do, as it tells
// a nil list from an empty one and compares times by their location too.
func equalValue(a, b reflect.Value) bool {
	switch a.Kind() {
	case reflect.Struct:
		if t, ok := a.Interface().(time.Time); ok {
			return t.Equal(b.Interface().(time.Time))
		}
		for i := range a.NumField() {
			if !equalValue(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	case reflect.Slice:
		if a.Len() != b.Len() {
			return false
		}
		for i := range a.Len() {
			if !equalValue(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	}
	return a.Interface() == b.Interface()
}
