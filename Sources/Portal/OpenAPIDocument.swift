/// The portal's API as an OpenAPI 3.1 document, served at `/openapi.yaml`:
/// the contract the handlers of `PortalAPI` implement (a test checks each
/// operation is routed) and that schemathesis checks the answers against.
enum OpenAPIDocument {
    static let yaml = """
        openapi: 3.1.0
        info:
          title: imon submission portal
          version: 0.1.0
          description: >-
            Departments deliver their monitoring workbooks and see the findings at once; the coordinator sees
            who is missing, decides conflicts and makes reports. Every operation except login needs the session
            cookie; every POST except login needs the session's CSRF token in X-CSRF-Token.
        components:
          securitySchemes:
            session:
              type: apiKey
              in: cookie
              name: imon_session
          parameters:
            csrf:
              name: X-CSRF-Token
              in: header
              required: true
              schema: { type: string }
          schemas:
            Error:
              type: object
              required: [error]
              properties:
                error: { type: string }
            Finding:
              type: object
              required: [severity, code, sheet, cell, value, message]
              properties:
                severity: { type: string, enum: [error, warning] }
                code: { type: string }
                sheet: { type: [string, "null"] }
                cell: { type: [string, "null"] }
                value: { type: [string, "null"] }
                message: { type: string }
            Delivery:
              type: object
              required: [outcome, file, department, year, errors, warnings, findings, conflicts, conflictID, feedback]
              properties:
                outcome: { type: string, enum: [imported, unchanged, superseded, rejected, conflict] }
                file: { type: string }
                department: { type: [string, "null"] }
                year: { type: [integer, "null"] }
                errors: { type: integer }
                warnings: { type: integer }
                findings: { type: array, items: { $ref: "#/components/schemas/Finding" } }
                conflicts: { type: array, items: { type: object } }
                conflictID: { type: [integer, "null"] }
                feedback: { type: [string, "null"], description: "Where the annotated copy is downloaded (this session only)." }
            Status:
              type: object
              required: [department, name, year, state, at, by, file]
              properties:
                department: { type: string }
                name: { type: string }
                year: { type: integer }
                state: { type: string, enum: [missing, delivered, rejected, superseded, conflict] }
                at: { type: [string, "null"] }
                by: { type: [string, "null"] }
                file: { type: [string, "null"] }
          responses:
            Unauthorized:
              description: No session, or it has ended.
              content: { application/json: { schema: { $ref: "#/components/schemas/Error" } } }
            Forbidden:
              description: Not this account's to do (or the CSRF token is missing).
              content: { application/json: { schema: { $ref: "#/components/schemas/Error" } } }
            BadRequest:
              description: The request is malformed.
              content: { application/json: { schema: { $ref: "#/components/schemas/Error" } } }
            NotFound:
              description: No such thing.
              content: { application/json: { schema: { $ref: "#/components/schemas/Error" } } }
        security:
          - session: []
        paths:
          /api/login:
            post:
              operationId: login
              security: []
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [username, password]
                      properties:
                        username: { type: string }
                        password: { type: string }
              responses:
                "200":
                  description: Logged in; the session cookie is set (HttpOnly, SameSite=Strict).
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [username, role, department, csrfToken]
                        properties:
                          username: { type: string }
                          role: { type: string, enum: [department, coordinator, analyst] }
                          department: { type: [string, "null"] }
                          csrfToken: { type: string }
                "400": { $ref: "#/components/responses/BadRequest" }
                "401": { $ref: "#/components/responses/Unauthorized" }
          /api/logout:
            post:
              operationId: logout
              parameters: [{ $ref: "#/components/parameters/csrf" }]
              responses:
                "204": { description: Logged out; the cookie is cleared. }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "403": { $ref: "#/components/responses/Forbidden" }
          /api/templates/{department}/{year}:
            get:
              operationId: downloadTemplate
              parameters:
                - { name: department, in: path, required: true, schema: { type: string } }
                - { name: year, in: path, required: true, schema: { type: integer, minimum: 1990, maximum: 2100 } }
                - { name: format, in: query, schema: { type: string, enum: [xlsx, ods], default: xlsx } }
              responses:
                "200":
                  description: The department's template for the year.
                  content:
                    application/vnd.openxmlformats-officedocument.spreadsheetml.sheet: { schema: { type: string, format: binary } }
                    application/vnd.oasis.opendocument.spreadsheet: { schema: { type: string, format: binary } }
                "400": { $ref: "#/components/responses/BadRequest" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "403": { $ref: "#/components/responses/Forbidden" }
                "404": { $ref: "#/components/responses/NotFound" }
          /api/submissions:
            post:
              operationId: uploadSubmission
              parameters:
                - { $ref: "#/components/parameters/csrf" }
                - { name: filename, in: query, required: true, schema: { type: string }, description: "Shown and recorded only; never a path." }
              requestBody:
                required: true
                content:
                  application/vnd.openxmlformats-officedocument.spreadsheetml.sheet: { schema: { type: string, format: binary } }
                  application/vnd.oasis.opendocument.spreadsheet: { schema: { type: string, format: binary } }
                  application/octet-stream: { schema: { type: string, format: binary } }
              responses:
                "200":
                  description: Checked, and merged unless rejected or in conflict.
                  content: { application/json: { schema: { $ref: "#/components/schemas/Delivery" } } }
                "400": { $ref: "#/components/responses/BadRequest" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "403": { $ref: "#/components/responses/Forbidden" }
                "413":
                  description: The body is larger than the server takes.
                  content: { application/json: { schema: { $ref: "#/components/schemas/Error" } } }
          /api/feedback/{id}:
            get:
              operationId: downloadFeedback
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                "200":
                  description: The annotated copy of an upload of this session.
                  content:
                    application/vnd.openxmlformats-officedocument.spreadsheetml.sheet: { schema: { type: string, format: binary } }
                    application/vnd.oasis.opendocument.spreadsheet: { schema: { type: string, format: binary } }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "404": { $ref: "#/components/responses/NotFound" }
          /api/status:
            get:
              operationId: listSubmissionStatus
              parameters:
                - { name: year, in: query, required: true, schema: { type: integer, minimum: 1990, maximum: 2100 } }
              responses:
                "200":
                  description: Each department's delivery for the year (a department sees its own), and the undecided conflicts.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [year, departments, conflicts]
                        properties:
                          year: { type: integer }
                          departments: { type: array, items: { $ref: "#/components/schemas/Status" } }
                          conflicts: { type: array, items: { type: object } }
                "400": { $ref: "#/components/responses/BadRequest" }
                "401": { $ref: "#/components/responses/Unauthorized" }
          /api/conflicts/{id}/decision:
            post:
              operationId: decideConflict
              parameters:
                - { $ref: "#/components/parameters/csrf" }
                - { name: id, in: path, required: true, schema: { type: integer } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [prefer]
                      properties:
                        prefer: { type: string, enum: [new, old] }
              responses:
                "200":
                  description: Decided and merged; the decision is recorded with the user.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [outcome, file, decision]
                        properties:
                          outcome: { type: string }
                          file: { type: string }
                          decision: { type: [string, "null"] }
                "400": { $ref: "#/components/responses/BadRequest" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "403": { $ref: "#/components/responses/Forbidden" }
                "404": { $ref: "#/components/responses/NotFound" }
          /api/reports/{year}:
            get:
              operationId: downloadReport
              parameters:
                - { name: year, in: path, required: true, schema: { type: integer, minimum: 1990, maximum: 2100 } }
                - { name: format, in: query, schema: { type: string, enum: [html, xlsx, ods, json], default: html } }
              responses:
                "200":
                  description: The situation report of the year.
                  content:
                    text/html: { schema: { type: string } }
                    application/json: { schema: { type: object, description: "JSON-stat 2.0 collection of the published figures" } }
                    application/vnd.openxmlformats-officedocument.spreadsheetml.sheet: { schema: { type: string, format: binary } }
                    application/vnd.oasis.opendocument.spreadsheet: { schema: { type: string, format: binary } }
                "400": { $ref: "#/components/responses/BadRequest" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "403": { $ref: "#/components/responses/Forbidden" }
                "404": { $ref: "#/components/responses/NotFound" }
                "422":
                  description: The protected publication could not be made (its disclosure audit failed).
                  content: { application/json: { schema: { $ref: "#/components/schemas/Error" } } }

        """
}
