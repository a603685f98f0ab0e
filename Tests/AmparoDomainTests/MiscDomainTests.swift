import Foundation
import XCTest

@testable import AmparoDomain

final class MiscDomainTests: XCTestCase {
    func testLanguageNegotiation() {
        XCTAssertEqual(Language.negotiate(acceptLanguage: "es-MX,es;q=0.9,en;q=0.8"), .es)
        XCTAssertEqual(Language.negotiate(acceptLanguage: "fr-FR, en;q=0.5, es;q=0.7"), .es)
        XCTAssertEqual(Language.negotiate(acceptLanguage: "en-US"), .en)
        XCTAssertNil(Language.negotiate(acceptLanguage: "fr, de;q=0.3"))
        XCTAssertNil(Language.negotiate(acceptLanguage: nil))
    }

    func testCatalogHasBothLanguages() {
        let samples: [Text] = [
            .signIn, .setupIntro, .errorSignInFailed, .httpStatus(404), .httpStatus(500), .role(.caseWorker),
            .passwordProblem(.tooShort), .welcome("Ana"), .auditIntact(3),
        ]
        for text in samples {
            XCTAssertFalse(text.in(.en).isEmpty)
            XCTAssertFalse(text.in(.es).isEmpty)
            XCTAssertNotEqual(text.in(.en), text.in(.es), "\(text) is not translated")
        }
    }

    func testPasswordPolicy() {
        XCTAssertEqual(PasswordPolicy.check("short", email: "a@b.org"), .tooShort)
        XCTAssertEqual(PasswordPolicy.check("password1234", email: "a@b.org"), .tooCommon)
        XCTAssertEqual(PasswordPolicy.check("aaaaaaaaaaaaaa", email: "a@b.org"), .tooCommon)
        XCTAssertEqual(PasswordPolicy.check("rosalinda-2024-xyz", email: "rosalinda@b.org"), .containsEmail)
        XCTAssertNil(PasswordPolicy.check("sunflower tortilla harbor", email: "ana@example.org"))
    }

    func testRecoveryCodes() {
        let codes = RecoveryCodes.generate(random: SystemRandom())
        XCTAssertEqual(codes.count, 10)
        XCTAssertEqual(Set(codes).count, 10)
        for code in codes { XCTAssertNotNil(code.wholeMatch(of: /[a-z2-7]{5}-[a-z2-7]{5}/)) }
        XCTAssertEqual(RecoveryCodes.digest("ABCDE-fghij"), RecoveryCodes.digest("abcdefghij"))
    }

    func testEmailValidation() {
        XCTAssertTrue(EmailAddress.isValid("ana@example.org"))
        for bad in ["", "ana", "ana@", "@example.org", "ana@example", "a b@example.org", "ana@@example.org", "ana@.org"] {
            XCTAssertFalse(EmailAddress.isValid(bad), bad)
        }
    }

    func testBackupArchiveRoundTripAndWrongPassphrase() throws {
        let entries = [(name: "amparo.sqlite", data: Data("database bytes".utf8)), (name: "amparo.keys", data: Data("{}".utf8))]
        let archive = try BackupArchive.seal(entries: entries, passphrase: "a long passphrase here", random: SystemRandom(), parameters: .fast)
        XCTAssertNil(archive.range(of: Data("database bytes".utf8)))
        XCTAssertNil(archive.range(of: Data("amparo.keys".utf8)))
        let opened = try BackupArchive.open(archive, passphrase: "a long passphrase here")
        XCTAssertEqual(opened.map(\.name), ["amparo.sqlite", "amparo.keys"])
        XCTAssertEqual(opened[0].data, Data("database bytes".utf8))
        XCTAssertThrowsError(try BackupArchive.open(archive, passphrase: "the wrong passphrase")) {
            XCTAssertEqual($0 as? BackupArchive.Failure, .wrongPassphraseOrDamaged)
        }
        XCTAssertThrowsError(try BackupArchive.open(archive.dropLast(5), passphrase: "a long passphrase here"))
        XCTAssertThrowsError(try BackupArchive.open(Data("hello".utf8), passphrase: "a long passphrase here")) {
            XCTAssertEqual($0 as? BackupArchive.Failure, .notABackup)
        }
        XCTAssertThrowsError(try BackupArchive.seal(entries: entries, passphrase: "short", random: SystemRandom()))
    }
}

final class RoleTests: XCTestCase {
    func testLeastPrivilege() {
        XCTAssertEqual(Role.allCases.filter { $0.can(.manageUsers) }, [.admin])
        XCTAssertEqual(Role.allCases.filter { $0.can(.viewAuditLog) }, [.admin])
        XCTAssertEqual(Role.allCases.filter { $0.canRead(.immigrationRecord) }, [.legal], "A-numbers: legal only")
        XCTAssertEqual(Role.allCases.filter { $0.canRead(.notes) }, [.caseWorker, .legal])
        XCTAssertTrue(Role.admin.readableFields.isEmpty, "admins see that a record exists, not its protected fields")
        XCTAssertTrue(Role.analyst.readableFields.isEmpty && Role.analyst.permissions == [.viewCaseCounts, .managePlaces],
                      "analysts see anonymous counts and public facts only")
        XCTAssertEqual(Role.allCases.filter { $0.can(.visit) }, [.visitor])
        XCTAssertEqual(Role.allCases.filter { $0.can(.workCases) }, [.caseWorker, .legal], "cases: the case team only")
        XCTAssertEqual(Role.visitor.readableFields, [.identity], "visitors never see a family's phone")
        XCTAssertEqual(Role.allCases.filter { !$0.requiresTwoFactor }, [.analyst], "every role that sees personal data uses 2FA")
    }
}

final class SingleLineTextTests: XCTestCase {
    func testLengthCountsCodePointsBeforeTrimmingAndControlCharactersAreRefused() {
        XCTAssertEqual(SingleLineText.validate("  North  ", maxLength: 10, required: true), .success("North"))
        XCTAssertEqual(SingleLineText.validate(" " + String(repeating: "x", count: 9) + " ", maxLength: 10, required: true), .failure(.tooLong))
        XCTAssertEqual(SingleLineText.validate("e\u{301}xxxxxxxxx", maxLength: 10, required: true), .failure(.tooLong),
                       "10 characters but 11 code points")
        XCTAssertEqual(SingleLineText.validate("a\u{0}b", maxLength: 10, required: true), .failure(.controlCharacter))
        XCTAssertEqual(SingleLineText.validate("a\u{85}b", maxLength: 10, required: true), .failure(.controlCharacter))
        XCTAssertEqual(SingleLineText.validate("   ", maxLength: 10, required: true), .failure(.empty))
        XCTAssertEqual(SingleLineText.validate(nil, maxLength: 10, required: false), .success(""))
    }
}

final class FormBodyTests: XCTestCase {
    func testParsesWhatBrowsersSend() {
        let body = Array("what=Two+vans+%C3%B1and%C3%BA&place=5th%20%26%20Main&empty=&flag&dup=1&dup=2&bad=%zz%4&_csrf=a-b_c".utf8)
        let fields = FormBody.parse(body)
        XCTAssertEqual(fields["what"], ["Two vans ñandú"])
        XCTAssertEqual(fields["place"], ["5th & Main"])
        XCTAssertEqual(fields["empty"], [""])
        XCTAssertEqual(fields["flag"], [""])
        XCTAssertEqual(fields["dup"], ["1", "2"])
        XCTAssertEqual(fields["bad"], ["%zz%4"], "malformed escapes are kept as typed")
        XCTAssertEqual(fields["_csrf"], ["a-b_c"])
        XCTAssertEqual(FormBody.parse(Array("a=%FF".utf8))["a"], ["\u{FFFD}"])
        XCTAssertTrue(FormBody.parse([UInt8]()).isEmpty)
    }

    func testHexAndBase64URL() {
        XCTAssertEqual(Hex.encode([0x00, 0x0f, 0xa5, 0xff]), "000fa5ff")
        for length in 0..<8 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 97 + 13) }
            let encoded = Base64URL.encode(bytes)
            XCTAssertFalse(encoded.contains("=") || encoded.contains("+") || encoded.contains("/"))
            XCTAssertEqual(Base64URL.decode(encoded).map { Array($0) }, bytes)
        }
    }
}

final class ShiftCalendarTests: XCTestCase {
    let team = UUID(), ana = UUID(), ben = UUID(), cleo = UUID()
    let calendar = ShiftCalendar(timeZone: TimeZone(identifier: "America/Los_Angeles")!)

    func date(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: text)!
    }

    func testAnOvernightShiftCoversTheSmallHoursAndASwapMovesOneOccurrenceOnly() {
        // Tuesdays 22:00 to 06:00 local.
        let night = WeeklyShift(id: UUID(), teamID: team, memberID: ana, duty: .dispatcher, weekday: 2, startMinute: 22 * 60, durationMinutes: 8 * 60)
        let shifts = [night]
        // Wednesday 2026-12-02 03:00 in Los Angeles (UTC-8) is 11:00 UTC.
        XCTAssertEqual(calendar.onCall(at: date("2026-12-02T11:00:00Z"), shifts: shifts, swaps: []).map(\.memberID), [ana])
        XCTAssertEqual(calendar.onCall(at: date("2026-12-02T15:00:00Z"), shifts: shifts, swaps: []), [], "07:00: over")
        let swap = ShiftSwap(shiftID: night.id, date: "2026-12-01", toMemberID: ben)
        XCTAssertEqual(calendar.onCall(at: date("2026-12-02T11:00:00Z"), shifts: shifts, swaps: [swap]).map(\.memberID), [ben])
        XCTAssertEqual(calendar.onCall(at: date("2026-12-09T11:00:00Z"), shifts: shifts, swaps: [swap]).map(\.memberID), [ana],
                       "the next week is Ana's again")
    }

    func testLocalTimeHoldsAcrossDaylightSavingTime() {
        // Sundays 09:00 to 17:00 local; DST ends on Sunday 2026-11-01 in the US.
        let day = WeeklyShift(id: UUID(), teamID: team, memberID: cleo, duty: .responder, weekday: 7, startMinute: 9 * 60, durationMinutes: 8 * 60)
        let before = calendar.occurrences(of: [day], swaps: [], from: date("2026-10-25T12:00:00Z"), to: date("2026-10-25T12:00:00Z"))
        let after = calendar.occurrences(of: [day], swaps: [], from: date("2026-11-01T20:00:00Z"), to: date("2026-11-01T20:00:00Z"))
        XCTAssertEqual(before.first?.start, date("2026-10-25T16:00:00Z"), "09:00 PDT")
        XCTAssertEqual(after.first?.start, date("2026-11-01T17:00:00Z"), "09:00 PST")
    }

    func testChecksAndClockText() {
        XCTAssertNil(WeeklyShift.check(weekday: 1, startMinute: 0, durationMinutes: 1440))
        XCTAssertEqual(WeeklyShift.check(weekday: 8, startMinute: 0, durationMinutes: 60), .weekday)
        XCTAssertEqual(WeeklyShift.check(weekday: 1, startMinute: 1440, durationMinutes: 60), .start)
        XCTAssertEqual(WeeklyShift.check(weekday: 1, startMinute: 0, durationMinutes: 10), .duration)
        XCTAssertEqual(ShiftCalendar.minutes("18:30"), 1110)
        XCTAssertNil(ShiftCalendar.minutes("24:00"))
        XCTAssertNil(ShiftCalendar.minutes("7:5"))
        XCTAssertEqual(ShiftCalendar.clock(1110), "18:30")
        XCTAssertTrue(calendar.isValidDay("2026-12-01"))
        XCTAssertFalse(calendar.isValidDay("2026-02-30"))
    }
}

final class TwilioSignatureTests: XCTestCase {
    /// The vector from Twilio's own helper libraries (twilio-python's validation tests).
    func testTwilioVector() {
        let parameters = ["CallSid": "CA1234567890ABCDE", "Caller": "+14158675309", "Digits": "1234", "From": "+14158675309", "To": "+18005551212"]
        let url = "https://mycompany.com/myapp.php?foo=1&bar=2"
        XCTAssertEqual(TwilioSignature.compute(authToken: "12345", url: url, parameters: parameters), "RSOYDt4T1cUTdK1PDd93/VVr8B8=")
        XCTAssertTrue(TwilioSignature.isValid("RSOYDt4T1cUTdK1PDd93/VVr8B8=", authToken: "12345", url: url, parameters: parameters))
        var tampered = parameters
        tampered["Digits"] = "1235"
        XCTAssertFalse(TwilioSignature.isValid("RSOYDt4T1cUTdK1PDd93/VVr8B8=", authToken: "12345", url: url, parameters: tampered))
        XCTAssertFalse(TwilioSignature.isValid(nil, authToken: "12345", url: url, parameters: parameters))
    }

    func testKeywords() {
        XCTAssertEqual(SMSKeyword.classify(" stop "), .stop)
        XCTAssertEqual(SMSKeyword.classify("Alto"), .stop)
        XCTAssertEqual(SMSKeyword.classify("AYUDA"), .help)
        XCTAssertEqual(SMSKeyword.classify("start"), .start)
        XCTAssertEqual(SMSKeyword.classify("stop the vans are here"), .message, "only the bare word is a command")
    }
}
