; Inno Setup script: packaging\windows\meeting.iss (run after PyInstaller; see README.md)
; The app's version (meeting/__init__.py), written by the PyInstaller spec when it built dist\meeting.
#include "..\..\build\package-data\version.iss"
[Setup]
AppId={{7E3B8C41-2D0A-4F1E-9C55-0B5A1E6D2C10}
AppName=Paperless Meeting
AppVersion={#AppVersion}
AppPublisher=Paperless Meeting project
DefaultDirName={autopf}\Paperless Meeting
DefaultGroupName=Paperless Meeting
OutputBaseFilename=paperless-meeting-{#AppVersion}-setup
SetupIconFile=..\..\meeting\resources\icons\paperless-meeting.ico
Compression=lzma2
SolidCompression=yes
PrivilegesRequired=admin
ShowLanguageDialog=auto

[Languages]
Name: "ja"; MessagesFile: "compiler:Languages\Japanese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
ja.AppName=ペーパーレス会議
en.AppName=Paperless Meeting

[Files]
Source: "..\..\dist\meeting\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\{cm:AppName}"; Filename: "{app}\meeting.exe"; Parameters: "connect"
Name: "{autodesktop}\{cm:AppName}"; Filename: "{app}\meeting.exe"; Parameters: "connect"
