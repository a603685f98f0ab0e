import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Foundation
import XCTest

@testable import AmparoWeb

/// The events pages from fixture values: the public list and an event's page (seats left, full,
/// signed up, on the waiting list, a refused sign-up keeping what was typed, begun), the
/// organizers' list with a refused new event, and an event's registrations.
final class EventSnapshotTests: XCTestCase {
    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }
    /// Saturday 2027-01-16 10:00 in Chicago.
    static let saturday = Date(timeIntervalSince1970: 1_800_115_200)
    static let before = saturday.addingTimeInterval(-86_400)

    static let training = Event(
        id: EventID(id(1)), kind: .visitorTraining, title: Bilingual(en: "Detention visitor training", es: "Capacitación para visitas"),
        description: Bilingual(en: "What to bring, what the jail allows, how to listen.\nBring an ID.", es: ""), startsAt: saturday,
        place: "Casa Comunitaria, 12 Main St", capacity: 2)
    static let webinar = Event(
        id: EventID(id(2)), kind: .knowYourRights, title: Bilingual(en: "Know your rights <online>", es: "Conozca sus derechos <en línea>"),
        description: Bilingual(en: "", es: ""), startsAt: saturday.addingTimeInterval(7 * 86_400), place: "Online", capacity: 500)

    func testUpcomingEvents() {
        assertPageSnapshots({ EventRenderer.render(EventsPage(events: [Self.training, Self.webinar]), $0) }, path: "/events")
    }

    func testNoEventsToCome() {
        assertPageSnapshots({ EventRenderer.render(EventsPage(events: []), $0) }, path: "/events")
    }

    func testAnEventWithSeatsLeft() {
        assertPageSnapshots({ EventRenderer.render(EventPage(event: Self.training, seatsTaken: 1, now: Self.before), $0) }, path: "/events/1")
    }

    func testSignedUpForAFullEvent() {
        assertPageSnapshots({ EventRenderer.render(EventPage(event: Self.training, seatsTaken: 2, now: Self.before, outcome: .waitlisted), $0) }, path: "/events/1")
    }

    func testARefusedSignUpKeepsWhatWasTyped() {
        let form = EventSignUpForm(fields: ["name": "Ana <Ruiz>", "email": "ana at example"])
        guard case .failure(let refusal) = form.validated(()) else { return XCTFail("not an email address") }
        XCTAssertEqual(refusal.fields, [.email])
        assertPageSnapshots({ EventRenderer.render(EventPage(event: Self.webinar, seatsTaken: 0, now: Self.before, form: form, refusal: refusal), $0) }, path: "/events/2")
    }

    func testTooManySignUpsFromOneConnection() {
        assertPageSnapshots({ EventRenderer.render(EventPage(event: Self.webinar, seatsTaken: 0, now: Self.before, problem: .tooMany), $0) }, path: "/events/2")
    }

    func testAnEventThatHasBegun() {
        assertPageSnapshots({ EventRenderer.render(EventPage(event: Self.training, seatsTaken: 2, now: Self.saturday), $0) }, path: "/events/1")
    }

    func testTheOrganizersListWithARefusedEvent() {
        let form = NewEventForm(fields: ["kind": "visitor_training", "titleEN": "Visitor training", "titleES": "", "startsAt": "2027-01-16T10:00",
                                         "place": "Casa", "capacity": "0", "descriptionEN": "Line one\nLine two"])
        guard case .failure(let refusal) = form.validated(SnapshotChrome.timeZone) else { return XCTFail("no Spanish title, no seats") }
        XCTAssertEqual(refusal.fields, [.titleES, .capacity])
        assertPageSnapshots({ EventRenderer.render(EventsManagePage(events: [Self.webinar, Self.training], form: form, refusal: refusal), $0) },
                            role: .organizer, path: "/events/manage")
    }

    func testAnEventsRegistrations() {
        let registrations = [
            EventRegistration(id: EventRegistrationID(Self.id(11)), name: "Vera <V>", status: .attended),
            EventRegistration(id: EventRegistrationID(Self.id(12)), name: "Ana", status: .cancelled),
            EventRegistration(id: EventRegistrationID(Self.id(13)), name: "Beto", status: .registered),
            EventRegistration(id: EventRegistrationID(Self.id(14)), name: "Carla", status: .waitlisted),
        ]
        assertPageSnapshots({ EventRenderer.render(EventRegistrationsPage(event: Self.training, registrations: registrations), $0) },
                            role: .organizer, path: "/events/manage/1")
    }

    func testNobodySignedUpYet() {
        assertPageSnapshots({ EventRenderer.render(EventRegistrationsPage(event: Self.webinar, registrations: []), $0) }, role: .organizer, path: "/events/manage/2")
    }

    func testTheCancelLinksPages() {
        assertPageSnapshots({ EventRenderer.cancel(token: "a-token", $0) }, path: "/events/cancel/a-token")
        assertPageSnapshots({ EventRenderer.cancelOutcome(.cancelled, $0) }, path: "/events/cancel/a-token", testName: "testTheCancelLinksPages-cancelled")
    }
}
