/// The OpenAPI 3.1 description of the partners' service, served at
/// /openapi.json. Written by hand; the tests check that it lists exactly
/// the routes `PartnersService.build()` registers.
enum OpenAPIDocument {
    static let text = #"""
        {
         "openapi": "3.1.0",
         "info": {
          "title": "StreetRounds partners' service",
          "version": "1.0.0",
          "description": "Partners submit, check and see their street task lists; each partner token sees only its\#
         own organisation's data, a coordinator token sees all. Errors are RFC 9457 problem details."
         },
         "servers": [
          {
           "url": "/"
          }
         ],
         "security": [
          {
           "bearer": []
          }
         ],
         "paths": {
          "/": {
           "get": {
            "summary": "The partners' web page",
            "security": [],
            "operationId": "page",
            "responses": {
             "200": {
              "description": "HTML page",
              "content": {
               "text/html": {
                "schema": {
                 "type": "string"
                }
               }
              }
             }
            }
           }
          },
          "/openapi.json": {
           "get": {
            "summary": "This document",
            "security": [],
            "operationId": "openapi",
            "responses": {
             "200": {
              "description": "OpenAPI 3.1",
              "content": {
               "application/json": {
                "schema": {
                 "type": "object"
                }
               }
              }
             }
            }
           }
          },
          "/health": {
           "get": {
            "summary": "Liveness",
            "security": [],
            "operationId": "health",
            "responses": {
             "200": {
              "description": "Up",
              "content": {
               "application/json": {
                "schema": {
                 "type": "object",
                 "properties": {
                  "status": {
                   "type": "string"
                  }
                 },
                 "required": [
                  "status"
                 ]
                }
               }
              }
             }
            }
           }
          },
          "/v1/me": {
           "get": {
            "summary": "The token's role and organisation",
            "operationId": "me",
            "responses": {
             "200": {
              "description": "The token",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Token"
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorised"
             },
             "429": {
              "$ref": "#/components/responses/TooMany"
             }
            }
           }
          },
          "/v1/organisations": {
           "get": {
            "summary": "The organisations the token may see (its own; all for a coordinator)",
            "operationId": "listOrganisations",
            "responses": {
             "200": {
              "description": "Organisations",
              "content": {
               "application/json": {
                "schema": {
                 "type": "object",
                 "required": [
                  "organisations"
                 ],
                 "properties": {
                  "organisations": {
                   "type": "array",
                   "items": {
                    "$ref": "#/components/schemas/Organisation"
                   }
                  }
                 }
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorised"
             },
             "429": {
              "$ref": "#/components/responses/TooMany"
             }
            }
           }
          },
          "/v1/organisations/{org}": {
           "parameters": [
            {
             "$ref": "#/components/parameters/Org"
            }
           ],
           "get": {
            "summary": "One organisation: depots and crews",
            "operationId": "getOrganisation",
            "responses": {
             "200": {
              "description": "The organisation",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Organisation"
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorised"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "429": {
              "$ref": "#/components/responses/TooMany"
             }
            }
           }
          },
          "/v1/organisations/{org}/task-list": {
           "parameters": [
            {
             "$ref": "#/components/parameters/Org"
            }
           ],
           "get": {
            "summary": "The stored task list and its submission history",
            "operationId": "getTaskList",
            "responses": {
             "200": {
              "description": "Tasks and history",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/TaskListSummary"
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorised"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "429": {
              "$ref": "#/components/responses/TooMany"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           },
           "put": {
            "summary": "Replace the task list (one transaction; history and audit kept; a list with problems changes\#
         nothing)",
            "operationId": "submitTaskList",
            "parameters": [
             {
              "name": "file_name",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string",
               "maxLength": 200
              },
              "description": "The name recorded in the history"
             }
            ],
            "requestBody": {
             "$ref": "#/components/requestBodies/TaskList"
            },
            "responses": {
             "200": {
              "description": "Stored",
              "content": {
               "application/json": {
                "schema": {
                 "type": "object",
                 "required": [
                  "submission",
                  "matched"
                 ],
                 "properties": {
                  "submission": {
                   "$ref": "#/components/schemas/Submission"
                  },
                  "matched": {
                   "$ref": "#/components/schemas/Matched"
                  }
                 }
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorised"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "413": {
              "$ref": "#/components/responses/TooLarge"
             },
             "415": {
              "$ref": "#/components/responses/MediaType"
             },
             "422": {
              "$ref": "#/components/responses/Invalid"
             },
             "429": {
              "$ref": "#/components/responses/TooMany"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           }
          },
          "/v1/organisations/{org}/task-list/validation": {
           "parameters": [
            {
             "$ref": "#/components/parameters/Org"
            }
           ],
           "post": {
            "summary": "Check a task list and report every problem, storing nothing",
            "operationId": "validateTaskList",
            "requestBody": {
             "$ref": "#/components/requestBodies/TaskList"
            },
            "responses": {
             "200": {
              "description": "No problem",
              "content": {
               "application/json": {
                "schema": {
                 "type": "object",
                 "required": [
                  "valid",
                  "organisation",
                  "tasks",
                  "matched"
                 ],
                 "properties": {
                  "valid": {
                   "type": "boolean"
                  },
                  "organisation": {
                   "type": "string"
                  },
                  "tasks": {
                   "type": "integer"
                  },
                  "matched": {
                   "$ref": "#/components/schemas/Matched"
                  }
                 }
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorised"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "413": {
              "$ref": "#/components/responses/TooLarge"
             },
             "415": {
              "$ref": "#/components/responses/MediaType"
             },
             "422": {
              "$ref": "#/components/responses/Invalid"
             },
             "429": {
              "$ref": "#/components/responses/TooMany"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           }
          },
          "/v1/organisations/{org}/task-list/geojson": {
           "parameters": [
            {
             "$ref": "#/components/parameters/Org"
            }
           ],
           "get": {
            "summary": "Export the stored list as GeoJSON (matched segments, re-submittable)",
            "operationId": "exportTaskList",
            "responses": {
             "200": {
              "description": "FeatureCollection",
              "content": {
               "application/geo+json": {
                "schema": {
                 "type": "object"
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorised"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "429": {
              "$ref": "#/components/responses/TooMany"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           }
          },
          "/v1/organisations/{org}/overlaps": {
           "parameters": [
            {
             "$ref": "#/components/parameters/Org"
            },
            {
             "$ref": "#/components/parameters/Week"
            },
            {
             "$ref": "#/components/parameters/FortnightAnchor"
            }
           ],
           "get": {
            "summary": "The week's overlaps that involve the organisation",
            "operationId": "getOverlaps",
            "responses": {
             "200": {
              "description": "Findings",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Overlaps"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorised"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "429": {
              "$ref": "#/components/responses/TooMany"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           }
          },
          "/v1/organisations/{org}/map.svg": {
           "parameters": [
            {
             "$ref": "#/components/parameters/Org"
            },
            {
             "$ref": "#/components/parameters/Week"
            },
            {
             "$ref": "#/components/parameters/FortnightAnchor"
            }
           ],
           "get": {
            "summary": "The organisation's tasks (blue) and the week's overlaps (red) on an SVG map",
            "operationId": "getMap",
            "responses": {
             "200": {
              "description": "SVG",
              "content": {
               "image/svg+xml": {
                "schema": {
                 "type": "string"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorised"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "429": {
              "$ref": "#/components/responses/TooMany"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           }
          },
          "/v1/overlaps": {
           "parameters": [
            {
             "$ref": "#/components/parameters/Week"
            },
            {
             "$ref": "#/components/parameters/FortnightAnchor"
            }
           ],
           "get": {
            "summary": "Every overlap of the week (coordinator only)",
            "operationId": "getAllOverlaps",
            "responses": {
             "200": {
              "description": "Findings",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Overlaps"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorised"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "429": {
              "$ref": "#/components/responses/TooMany"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           }
          },
          "/v1/audit": {
           "get": {
            "summary": "The audit trail, newest first (a partner sees its own lines)",
            "operationId": "getAudit",
            "parameters": [
             {
              "name": "organisation",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string"
              }
             },
             {
              "name": "limit",
              "in": "query",
              "required": false,
              "schema": {
               "type": "integer",
               "minimum": 1,
               "maximum": 1000
              }
             }
            ],
            "responses": {
             "200": {
              "description": "Entries",
              "content": {
               "application/json": {
                "schema": {
                 "type": "object",
                 "required": [
                  "entries"
                 ],
                 "properties": {
                  "entries": {
                   "type": "array",
                   "items": {
                    "$ref": "#/components/schemas/AuditEntry"
                   }
                  }
                 }
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorised"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "429": {
              "$ref": "#/components/responses/TooMany"
             }
            }
           }
          },
          "/v1/stored-plans": {
           "get": {
            "summary": "The plans in the store, the ones the next week starts from (coordinator only)",
            "operationId": "listStoredPlans",
            "responses": {
             "200": {
              "description": "Stored plans, oldest week first",
              "content": {
               "application/json": {
                "schema": {
                 "type": "object",
                 "required": [
                  "plans"
                 ],
                 "properties": {
                  "plans": {
                   "type": "array",
                   "items": {
                    "$ref": "#/components/schemas/StoredPlan"
                   }
                  }
                 }
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorised"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "429": {
              "$ref": "#/components/responses/TooMany"
             }
            }
           }
          },
          "/v1/stored-plans/{id}": {
           "delete": {
            "summary": "Delete a stored plan, a trial run say (coordinator only): the next week starts from the\#
         latest left; the audit trail names who deleted it",
            "operationId": "deleteStoredPlan",
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "description": "The stored plan's id, as /v1/stored-plans lists it (not a job's id)",
              "schema": {
               "type": "integer",
               "minimum": 1
              },
              "example": 3
             }
            ],
            "responses": {
             "200": {
              "description": "Deleted, with its rounds, stops and visits",
              "content": {
               "application/json": {
                "schema": {
                 "type": "object",
                 "required": [
                  "deleted",
                  "week"
                 ],
                 "properties": {
                  "deleted": {
                   "type": "integer"
                  },
                  "week": {
                   "type": "string"
                  }
                 }
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorised"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "429": {
              "$ref": "#/components/responses/TooMany"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           }
          },
          "/v1/plans": {
           "post": {
            "summary": "Start a plan of the week in the background (coordinator only): shared rounds,\#
         baseline, savings",
            "operationId": "startPlan",
            "parameters": [
             {
              "$ref": "#/components/parameters/Week"
             },
             {
              "$ref": "#/components/parameters/FortnightAnchor"
             },
             {
              "name": "seconds",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string",
               "pattern": "^[0-9]+(\\.[0-9]+)?$"
              },
              "description": "Solver budget per plan in seconds, from 1 to 600, written in decimal (default 5)"
             },
             {
              "name": "iterations",
              "in": "query",
              "required": false,
              "schema": {
               "type": "integer",
               "minimum": 1,
               "maximum": 100000
              }
             },
             {
              "name": "fresh",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string",
               "enum": [
                "true",
                "false"
               ]
              },
              "description": "true: plan from scratch; false (default): start from the latest stored plans up to\#
         the week"
             }
            ],
            "responses": {
             "202": {
              "description": "Started; follow the Location",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/PlanJob"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorised"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "409": {
              "$ref": "#/components/responses/Conflict"
             },
             "429": {
              "$ref": "#/components/responses/TooMany"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           },
           "get": {
            "summary": "The plans run since the service started",
            "operationId": "listPlans",
            "responses": {
             "200": {
              "description": "Plans",
              "content": {
               "application/json": {
                "schema": {
                 "type": "object",
                 "required": [
                  "plans"
                 ],
                 "properties": {
                  "plans": {
                   "type": "array",
                   "items": {
                    "$ref": "#/components/schemas/PlanJob"
                   }
                  }
                 }
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorised"
             },
             "429": {
              "$ref": "#/components/responses/TooMany"
             }
            }
           }
          },
          "/v1/plans/{id}": {
           "parameters": [
            {
             "$ref": "#/components/parameters/PlanID"
            }
           ],
           "get": {
            "summary": "A plan's state and progress",
            "operationId": "getPlan",
            "responses": {
             "200": {
              "description": "The plan",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/PlanJob"
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorised"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "429": {
              "$ref": "#/components/responses/TooMany"
             }
            }
           }
          },
          "/v1/plans/{id}/rounds.geojson": {
           "parameters": [
            {
             "$ref": "#/components/parameters/PlanID"
            }
           ],
           "get": {
            "summary": "The plan's rounds (a partner's: those serving its tasks)",
            "operationId": "getPlanRounds",
            "responses": {
             "200": {
              "description": "FeatureCollection",
              "content": {
               "application/geo+json": {
                "schema": {
                 "type": "object"
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorised"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "409": {
              "$ref": "#/components/responses/Conflict"
             },
             "429": {
              "$ref": "#/components/responses/TooMany"
             }
            }
           }
          },
          "/v1/plans/{id}/schedule.csv": {
           "parameters": [
            {
             "$ref": "#/components/parameters/PlanID"
            }
           ],
           "get": {
            "summary": "The plan's schedule (a partner's: the rounds serving its tasks)",
            "operationId": "getPlanSchedule",
            "responses": {
             "200": {
              "description": "CSV",
              "content": {
               "text/csv": {
                "schema": {
                 "type": "string"
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorised"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "409": {
              "$ref": "#/components/responses/Conflict"
             },
             "429": {
              "$ref": "#/components/responses/TooMany"
             }
            }
           }
          },
          "/v1/plans/{id}/savings": {
           "parameters": [
            {
             "$ref": "#/components/parameters/PlanID"
            }
           ],
           "get": {
            "summary": "What sharing saves; a partner gets the totals, its own share, whether they are like for like",
            "operationId": "getPlanSavings",
            "responses": {
             "200": {
              "description": "Savings",
              "content": {
               "application/json": {
                "schema": {
                 "type": "object"
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorised"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "409": {
              "$ref": "#/components/responses/Conflict"
             },
             "429": {
              "$ref": "#/components/responses/TooMany"
             }
            }
           }
          }
         },
         "components": {
          "securitySchemes": {
           "bearer": {
            "type": "http",
            "scheme": "bearer",
            "description": "srt_PREFIX_SECRET from 'streetrounds orgs token'"
           }
          },
          "parameters": {
           "Org": {
            "name": "org",
            "in": "path",
            "required": true,
            "schema": {
             "type": "string"
            },
            "example": "county-council"
           },
           "Week": {
            "name": "week",
            "in": "query",
            "required": false,
            "schema": {
             "type": "string",
             "pattern": "^2[0-9]{3}-W(0[1-9]|[1-4][0-9]|5[0-3])$"
            },
            "description": "ISO week, e.g. 2026-W48 (default: this week)",
            "example": "2026-W48"
           },
           "FortnightAnchor": {
            "name": "fortnight_anchor",
            "in": "query",
            "required": false,
            "schema": {
             "type": "string",
             "pattern": "^2[0-9]{3}-W(0[1-9]|[1-4][0-9]|5[0-3])$"
            }
           },
           "PlanID": {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
             "type": "integer",
             "minimum": 1
            },
            "example": 1
           }
          },
          "requestBodies": {
           "TaskList": {
            "required": true,
            "description": "A task list: GeoJSON FeatureCollection (docs/task-list.schema.json)",
            "content": {
             "application/geo+json": {
              "schema": {
               "$ref": "#/components/schemas/FeatureCollection"
              }
             },
             "application/json": {
              "schema": {
               "$ref": "#/components/schemas/FeatureCollection"
              }
             }
            }
           }
          },
          "responses": {
           "BadRequest": {
            "description": "Bad request",
            "content": {
             "application/problem+json": {
              "schema": {
               "$ref": "#/components/schemas/Problem"
              }
             }
            }
           },
           "Unauthorised": {
            "description": "No valid token",
            "content": {
             "application/problem+json": {
              "schema": {
               "$ref": "#/components/schemas/Problem"
              }
             }
            }
           },
           "Forbidden": {
            "description": "Not this token's data",
            "content": {
             "application/problem+json": {
              "schema": {
               "$ref": "#/components/schemas/Problem"
              }
             }
            }
           },
           "NotFound": {
            "description": "No such organisation",
            "content": {
             "application/problem+json": {
              "schema": {
               "$ref": "#/components/schemas/Problem"
              }
             }
            }
           },
           "TooLarge": {
            "description": "Body over the limit",
            "content": {
             "application/problem+json": {
              "schema": {
               "$ref": "#/components/schemas/Problem"
              }
             }
            }
           },
           "MediaType": {
            "description": "Not JSON",
            "content": {
             "application/problem+json": {
              "schema": {
               "$ref": "#/components/schemas/Problem"
              }
             }
            }
           },
           "Invalid": {
            "description": "The task list has problems; nothing stored",
            "content": {
             "application/problem+json": {
              "schema": {
               "$ref": "#/components/schemas/Problem"
              }
             }
            }
           },
           "TooMany": {
            "description": "Over the token's request rate",
            "content": {
             "application/problem+json": {
              "schema": {
               "$ref": "#/components/schemas/Problem"
              }
             }
            }
           },
           "Unavailable": {
            "description": "No street network in the store yet",
            "content": {
             "application/problem+json": {
              "schema": {
               "$ref": "#/components/schemas/Problem"
              }
             }
            }
           },
           "Conflict": {
            "description": "A plan still running, not done, or nothing to plan",
            "content": {
             "application/problem+json": {
              "schema": {
               "$ref": "#/components/schemas/Problem"
              }
             }
            }
           }
          },
          "schemas": {
           "Problem": {
            "type": "object",
            "required": [
             "type",
             "title",
             "status",
             "detail"
            ],
            "properties": {
             "type": {
              "type": "string"
             },
             "title": {
              "type": "string"
             },
             "status": {
              "type": "integer"
             },
             "detail": {
              "type": "string"
             },
             "instance": {
              "type": "string"
             },
             "problems": {
              "type": "array",
              "items": {
               "$ref": "#/components/schemas/TaskListProblem"
              }
             }
            }
           },
           "TaskListProblem": {
            "type": "object",
            "required": [
             "message",
             "text"
            ],
            "properties": {
             "feature_index": {
              "type": "integer"
             },
             "task_id": {
              "type": "string"
             },
             "property": {
              "type": "string"
             },
             "message": {
              "type": "string"
             },
             "text": {
              "type": "string"
             }
            }
           },
           "Token": {
            "type": "object",
            "required": [
             "prefix",
             "role",
             "organisation"
            ],
            "properties": {
             "prefix": {
              "type": "string"
             },
             "role": {
              "enum": [
               "partner",
               "coordinator"
              ]
             },
             "organisation": {
              "type": [
               "string",
               "null"
              ]
             }
            }
           },
           "Organisation": {
            "type": "object",
            "required": [
             "id",
             "name",
             "pools_crews",
             "depots",
             "crews"
            ],
            "properties": {
             "id": {
              "type": "string"
             },
             "name": {
              "type": "string"
             },
             "pools_crews": {
              "type": "boolean"
             },
             "depots": {
              "type": "array",
              "items": {
               "type": "object"
              }
             },
             "crews": {
              "type": "array",
              "items": {
               "type": "object"
              }
             }
            }
           },
           "FeatureCollection": {
            "type": "object",
            "required": [
             "type",
             "organisation",
             "features"
            ],
            "properties": {
             "type": {
              "const": "FeatureCollection"
             },
             "organisation": {
              "type": "string"
             },
             "features": {
              "type": "array",
              "items": {
               "type": "object"
              }
             }
            }
           },
           "Matched": {
            "type": "object",
            "required": [
             "segments",
             "km",
             "streets"
            ],
            "properties": {
             "segments": {
              "type": "integer"
             },
             "km": {
              "type": "number"
             },
             "streets": {
              "type": "integer"
             }
            }
           },
           "Submission": {
            "type": "object",
            "required": [
             "id",
             "organisation",
             "submitted_at",
             "file_name",
             "task_count",
             "sha256"
            ],
            "properties": {
             "id": {
              "type": "integer"
             },
             "organisation": {
              "type": "string"
             },
             "submitted_at": {
              "type": "string"
             },
             "file_name": {
              "type": "string"
             },
             "task_count": {
              "type": "integer"
             },
             "sha256": {
              "type": "string"
             }
            }
           },
           "TaskListSummary": {
            "type": "object",
            "required": [
             "organisation",
             "tasks",
             "submissions"
            ],
            "properties": {
             "organisation": {
              "type": "string"
             },
             "tasks": {
              "type": "array",
              "items": {
               "type": "object"
              }
             },
             "submissions": {
              "type": "array",
              "items": {
               "$ref": "#/components/schemas/Submission"
              }
             }
            }
           },
           "Overlaps": {
            "type": "object",
            "required": [
             "period",
             "new_only",
             "findings"
            ],
            "properties": {
             "period": {
              "type": "object"
             },
             "new_only": {
              "type": "boolean"
             },
             "findings": {
              "type": "array",
              "items": {
               "type": "object"
              }
             }
            }
           },
           "AuditEntry": {
            "type": "object",
            "required": [
             "id",
             "at",
             "actor",
             "action",
             "detail"
            ],
            "properties": {
             "id": {
              "type": "integer"
             },
             "at": {
              "type": "string"
             },
             "actor": {
              "type": "string"
             },
             "organisation": {
              "type": [
               "string",
               "null"
              ]
             },
             "action": {
              "type": "string"
             },
             "detail": {
              "type": "string"
             },
             "submission": {
              "type": [
               "integer",
               "null"
              ]
             }
            }
           },
           "StoredPlan": {
            "type": "object",
            "required": [
             "id",
             "week",
             "mode",
             "created_at",
             "rounds",
             "task_visits",
             "seed",
             "seconds",
             "iterations"
            ],
            "properties": {
             "id": {
              "type": "integer"
             },
             "week": {
              "type": "string"
             },
             "mode": {
              "enum": [
               "shared",
               "baseline"
              ]
             },
             "created_at": {
              "type": "string"
             },
             "rounds": {
              "type": "integer"
             },
             "task_visits": {
              "type": "integer"
             },
             "seed": {
              "type": "string"
             },
             "seconds": {
              "type": "number"
             },
             "iterations": {
              "type": [
               "integer",
               "null"
              ]
             }
            }
           },
           "PlanJob": {
            "type": "object",
            "required": [
             "id",
             "week",
             "state",
             "progress",
             "started_at"
            ],
            "properties": {
             "id": {
              "type": "integer"
             },
             "week": {
              "type": "string"
             },
             "state": {
              "enum": [
               "running",
               "done",
               "failed"
              ]
             },
             "progress": {
              "type": "string"
             },
             "started_at": {
              "type": "string"
             },
             "finished_at": {
              "type": [
               "string",
               "null"
              ]
             },
             "error": {
              "type": [
               "string",
               "null"
              ]
             },
             "fresh": {
              "type": "boolean"
             },
             "stable_week": {
              "description": "What the shared plan kept of the stored week it started from (shares of 1); null\#
         when fresh or none stored",
              "oneOf": [
               {
                "type": "null"
               },
               {
                "type": "object",
                "required": [
                 "from",
                 "visits",
                 "kept_crew_and_day",
                 "kept_day",
                 "kept_place"
                ],
                "properties": {
                 "from": {
                  "type": "string"
                 },
                 "visits": {
                  "type": "integer"
                 },
                 "kept_crew_and_day": {
                  "type": "number"
                 },
                 "kept_day": {
                  "type": "number"
                 },
                 "kept_place": {
                  "type": "number"
                 }
                }
               }
              ]
             },
             "stored_plans": {
              "description": "The store's ids of the shared plan and its baseline (streetrounds plans list); empty\#
         until done",
              "type": "array",
              "items": {
               "type": "integer"
              }
             }
            }
           }
          }
         }
        }
        """#
}
