import AmparoDomain
import AmparoWebKit
import Foundation

/// What the public report pages promise about an answer: true at the moment they are shown.
struct HotlineAnswer: Sendable, Equatable, Codable {
    /// A dispatcher's shift covers this moment.
    let onCall: Bool
    /// When nobody is: the next dispatcher shift's start, if one is scheduled this week.
    let nextShift: Date?
    /// The hotline's phone number, when one is set up.
    let phone: String?
    /// Whether Amparo can tell anyone now (a text or mail channel is set up): without one, the page
    /// must not say the team was told.
    let canAlertTeam: Bool
}

/// /report: the form, with what was typed and what to fix after a refusal.
struct ReportFormPage: Sendable, Equatable, Codable {
    enum Banner: String, Sendable, Equatable, Codable, CaseIterable { case tooManyReports }

    let organization: String?
    var values: ReportForm
    var problems: [ReportField: ReportProblem] = [:]
    var banner: Banner?
    let answer: HotlineAnswer
}

/// After a report: its code, the honest promise, the photo form and where to check on it.
struct ReportThanksPage: Sendable, Equatable, Codable {
    let organization: String?
    let reference: String
    let photoToken: String
    let answer: HotlineAnswer
}

/// /report/status: a reporter's code and the coarse state of their report.
struct ReportStatusPage: Sendable, Equatable, Codable {
    enum Result: Sendable, Equatable, Codable {
        case found(PublicReportState)
        case unknown
        case tooMany
    }

    var code: String
    var result: Result?
}

enum ReportPageRenderer {
    static func answer(_ answer: HotlineAnswer, _ chrome: Chrome) -> HTML {
        func t(_ text: HotlineText) -> String { Text.hotline(text).in(chrome.language) }
        if answer.onCall { return "<p class=\"notice\" id=\"answer\">\(t(.answerOnCall))</p>" }
        let next = answer.nextShift.map { " " + t(.answerNextShift(chrome.dateTime($0))) } ?? ""
        let call = answer.phone.map { HTML(" <strong>\(t(.answerCall)) <a href=\"tel:\($0)\">\($0)</a></strong>") }
        return "<p class=\"notice\" id=\"answer\">\(t(answer.canAlertTeam ? .answerNobody : .answerNobodyNoAlarm))\(next)\(call)</p>"
    }

    static func form(_ page: ReportFormPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language
        func t(_ text: HotlineText) -> String { Text.hotline(text).in(l) }
        func error(_ field: ReportField) -> String? { page.problems[field].map { t(.problem(field, $0)) } }
        let values = page.values
        let summary = ReportField.allCases.compactMap(error)
        let whenOptions = ReportSubmission.whenChoices.map { (value: String($0), label: t(.whenChoice($0))) }
        let agencyOptions = Agency.allCases.map { (value: $0.rawValue, label: t(.agency($0))) }
        let body: HTML = """
        \(page.organization.map { HTML("<p class=\"organization\">\($0)</p>") })
        <h1>\(t(.reportTitle))</h1>
        <p>\(t(.reportIntro))</p>
        \(answer(page.answer, chrome))
        \(page.banner.map { _ in HTML("<p class=\"error-summary\" role=\"alert\">\(t(.tooManyReports))</p>") })
        \(Form.errorSummary(summary, language: l))
        <form method="post" action="/report" class="report">
        \(chrome.csrfField)
        \(Form.textarea("what", label: t(.whatLabel), value: values.what ?? "", hint: t(.whatHint), error: error(.what), maxLength: ReportSubmission.whatLimit))
        \(Form.field("place", label: t(.placeLabel), value: values.place ?? "", hint: t(.placeHint), error: error(.place), extra: HTML(" maxlength=\"\(ReportSubmission.placeLimit)\"")))
        \(Form.select("when", label: t(.whenLabel), options: whenOptions, selected: values.when ?? "0"))
        \(Form.field("officers", label: t(.officersLabel), value: values.officers ?? "", hint: t(.countHint), error: error(.officers), required: false, extra: " inputmode=\"numeric\" pattern=\"[0-9]*\""))
        \(Form.field("vehicles", label: t(.vehiclesLabel), value: values.vehicles ?? "", hint: t(.countHint), error: error(.vehicles), required: false, extra: " inputmode=\"numeric\" pattern=\"[0-9]*\""))
        \(Form.select("agency", label: t(.agencyLabel), options: agencyOptions, selected: values.agency ?? Agency.unknown.rawValue))
        <fieldset id="map-point" data-use-location="\(t(.useMyLocation))" data-locating="\(t(.locating))" data-failed="\(t(.locationFailed))" data-done="\(t(.locationSet))"><legend>\(t(.pinLegend))</legend>
        <p class="hint">\(t(.pinHint))</p>
        \(error(.pin).map { HTML("<p class=\"error\">\($0)</p>") })
        \(Form.field("latitude", label: t(.latitude), value: values.latitude ?? "", required: false, extra: " inputmode=\"decimal\""))
        \(Form.field("longitude", label: t(.longitude), value: values.longitude ?? "", required: false, extra: " inputmode=\"decimal\""))
        \(Form.select("pin", label: t(.pinPrecision), options: [("blurred", t(.pinBlurred)), ("exact", t(.pinExact))], selected: values.pin ?? "blurred"))
        </fieldset>
        \(Form.field("callback", label: t(.callbackLabel), value: values.callback ?? "", hint: t(.callbackHint), error: error(.callback), required: false, autocomplete: "tel", extra: HTML(" maxlength=\"\(ReportSubmission.callbackLimit)\"")))
        <div class="trap" aria-hidden="true"><label for="website">\(t(.honeypotLabel))</label><input id="website" name="website" tabindex="-1" autocomplete="off"></div>
        <button type="submit">\(t(.sendReport))</button>
        </form>
        <p>\(t(.reportSafety))</p>
        <p><a href="/report/status">\(t(.checkStatusLater))</a></p>
        """
        return Layout.page(chrome, title: t(.reportTitle), body: body, script: ReportLocationScript.path, offline: true)
    }

    /// The reference code, the promise, and the form that adds photos to this report (a separate
    /// upload, so the words are safe before the pictures start).
    static func thanks(_ page: ReportThanksPage, photoNotice: (text: HotlineText, failed: Bool)?, _ chrome: Chrome) -> HTML {
        let l = chrome.language
        func t(_ text: HotlineText) -> String { Text.hotline(text).in(l) }
        let notice: HTML? = photoNotice.map { notice in
            let failed = notice.failed
            return "<p class=\"\(failed ? "error-summary" : "notice")\" role=\"\(failed ? "alert" : "status")\" id=\"photo-notice\">\(t(notice.text))</p>"
        }
        let body: HTML = """
        \(page.organization.map { HTML("<p class=\"organization\">\($0)</p>") })
        <h1>\(t(.thanksTitle))</h1>
        <p role="status">\(t(.thanksBody(page.reference)))</p>
        <p class="reference" id="reference">\(page.reference)</p>
        \(answer(page.answer, chrome))
        \(notice)
        <form method="post" action="/report/photos/\(page.photoToken)" enctype="multipart/form-data">
        <div class="field"><label for="photos">\(t(.photosLegend))</label>
        <p class="hint" id="photos-hint">\(t(.photosHint))</p>
        <input id="photos" name="photos[]" type="file" accept="image/jpeg,image/png" multiple aria-describedby="photos-hint"></div>
        <button type="submit" class="secondary">\(t(.addPhotos))</button>
        </form>
        <p>\(t(.thanksNext))</p>
        <p><a href="/report/status">\(t(.checkStatusLater))</a> · <a href="/report">\(t(.reportAnother))</a></p>
        """
        return Layout.page(chrome, title: t(.thanksTitle), body: body, offline: true)
    }

    static func status(_ page: ReportStatusPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language
        func t(_ text: HotlineText) -> String { Text.hotline(text).in(l) }
        let result: HTML? = page.result.map { result in
            switch result {
            case .found(let state): "<p class=\"notice\" role=\"status\" id=\"state\">\(t(.publicState(state)))</p>"
            case .unknown: "<p class=\"error-summary\" role=\"alert\" id=\"state\">\(t(.statusUnknown))</p>"
            case .tooMany: "<p class=\"error-summary\" role=\"alert\" id=\"state\">\(t(.tooManyReports))</p>"
            }
        }
        let body: HTML = """
        <h1>\(t(.statusTitle))</h1>
        <p>\(t(.statusIntro))</p>
        \(result)
        <form method="post" action="/report/status">\(chrome.csrfField)
        \(Form.field("code", label: t(.statusCodeLabel), value: page.code, extra: " maxlength=\"12\" autocapitalize=\"characters\" autocomplete=\"off\""))
        <button type="submit">\(t(.statusCheck))</button>
        </form>
        <p><a href="/report">\(t(.reportTitle))</a></p>
        """
        return Layout.page(chrome, title: t(.statusTitle), body: body, offline: true)
    }
}
