/// The detainer tables' headers as the Deportation Data Project's releases have them, column by
/// column (../shared/data/ddp/ddp_detainers_*_raw_columns.csv).
enum DetainerHeaders {
    static let july2025 = [
        "Detainer Prepare Date", "Facility State", "Facility AOR", "Port of Departure", "Departure Country", "Departed Date",
        "Case Status", "Detainer Prepared Criminality", "Detention Facility", "Detention Facility Code", "Facility City",
        "Detainer Prep Threat Level", "Gender", "Citizenship Country", "Birth Country", "Birth Date", "Birth Year",
        "Entry Status", "Most Serious Conviction (MSC) Charge", "MSC Sentence Days", "MSC Sentence Months", "MSC Sentence Years",
        "MSC Charge Code", "MSC Charge Date", "MSC Conviction Date", "Felon", "Processing Disposition", "Case Category",
        "Final Program", "Time of Apprehension Case Category", "Time of Apprehension Current Program", "Apprehension Method",
        "Case Final Order Yes No", "Final Order Date", "Apprehension Date", "Entry Date", "Prior Felony Yes No",
        "Multiple Prior MISD Yes No", "Violent Misdemeanor Yes No", "Illegal Entry Yes No", "Illegal Reentry Yes No",
        "Immigration Fraud Yes No", "Significant Risk Yes No", "Other Removal Reason Yes No", "Other Removal Reason",
        "Criminal Street Gang Yes No", "Aggravated Felony Yes No", "Deportation Ordered Yes No",
        "Order to Show Cause Served Yes No", "Order to Show Cause Served Date", "Biometric Match Yes No",
        "Statements Made Yes No", "Unlawful Attempt Yes No", "Unlawful Entry Yes No", "Visa Yes No", "Final Order Yes No",
        "Federal Interest Yes No", "Resume Custody Yes No", "Detainer Lift Reason", "Detainer Type", "Alien File Number",
        "EID Case ID", "EID Subject ID", "EID DTA ID", "Unique Identifier",
    ]

    static let latest = [
        "Detainer Prepare Date", "Facility State", "Facility AOR", "Port of Departure", "Departure Country", "Departed Date",
        "Case Status", "Detainer Criminality", "Detainer Facility", "Detainer Facility Code", "Facility City",
        "Detainer Threat Level", "Gender", "Citizenship Country", "Birth Country", "Birth Date", "Birth Year", "Entry Status",
        "MSC Charge", "MSC Sentence Days", "MSC Sentence Months", "MSC Sentence Years", "MSC Charge Code", "MSC Charge Date",
        "MSC Conviction Date", "Aggravated Felon Yes No", "Processing Disposition", "Case Category", "TOA Case Category",
        "TOA Current Program", "Apprehension Method", "Final Order Yes No", "Final Order Date", "Apprehension Date",
        "Entry Date", "Prior Felony Yes No", "Multiple Prior MISD Yes No", "Violent Misdemeanor Yes No", "Illegal Entry Yes No",
        "Illegal Reentry Yes No", "Immigration Fraud Yes No", "Significant Risk Yes No", "Other Removal Reason Yes No",
        "Other Removal Reason", "Criminal Street Gang Yes No", "Aggravated Felony Yes No", "Deportation Ordered Yes No",
        "Order to Show Cause Served Yes No", "Order to Show Cause Served Date", "Biometric Match Yes No",
        "Statements Made Yes No", "Unlawful Attempt Yes No", "Unlawful Entry Yes No", "Visa Yes No",
        "Federal Register Notice Yes No", "Resume Custody Yes No", "Detainer Lift Reason", "Detainer Lift Reason Code",
        "Active Investigation Yes No", "Arrest Warrant Served Date", "Detainer Type", "Notify Release Request Yes No",
        "TOD Current Duty Site", "EID DTA ID", "Anonymized Identifier",
    ]
}
