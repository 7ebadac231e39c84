// Tells GOV.UK Frontend's styles that JavaScript runs; kept in a file so the CSP needs no 'unsafe-inline'.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
